package com.tracecase.workflow;

import com.tracecase.workflow.progress.StepNames;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Figures about the case processes from the engine's runtime and history tables: where
 * open cases wait, how long tasks wait for people, open incidents. The only place that
 * reads the engine's tables for figures.
 */
@Component
@Transactional(readOnly = true)
public class ProcessFigures {

	private static final List<String> PROCESS_KEYS = List.of(FailureCaseProcess.PROCESS_KEY,
			FailureCaseProcess.CONTAINMENT_PROCESS_KEY, SupplierActionProcess.PROCESS_KEY);

	private final NamedParameterJdbcTemplate jdbc;

	private final RepositoryService repository;

	private final Map<String, BpmnModelInstance> models = new ConcurrentHashMap<>();

	ProcessFigures(NamedParameterJdbcTemplate jdbc, RepositoryService repository) {
		this.jdbc = jdbc;
		this.repository = repository;
	}

	/**
	 * The steps of the failure case process where a case can wait (its activities and
	 * catch events), in model order.
	 * @return step id to step name, never {@literal null}
	 */
	public Map<String, String> caseSteps() {
		Map<String, String> steps = new LinkedHashMap<>();
		BpmnModelInstance model = model(FailureCaseProcess.PROCESS_KEY);
		if (model == null) {
			return steps;
		}
		for (Activity activity : model.getModelElementsByType(Activity.class)) {
			steps.put(activity.getId(), StepNames.plain(activity.getName(), activity.getId()));
		}
		for (IntermediateCatchEvent event : model.getModelElementsByType(IntermediateCatchEvent.class)) {
			steps.put(event.getId(), StepNames.plain(event.getName(), event.getId()));
		}
		return steps;
	}

	/**
	 * Open cases per step their failure case process is at (a case at two steps at once
	 * counts at both).
	 * @return step id to cases, only steps with cases
	 */
	public Map<String, Long> openCasesByStep() {
		Map<String, Long> byStep = new HashMap<>();
		jdbc.query("""
				SELECT e.act_id_ AS step, count(DISTINCT e.proc_inst_id_) AS cases
				FROM act_ru_execution e JOIN act_re_procdef d ON d.id_ = e.proc_def_id_
				WHERE d.key_ = :key AND e.act_id_ IS NOT NULL AND e.is_active_
				GROUP BY e.act_id_
				""", Map.of("key", FailureCaseProcess.PROCESS_KEY),
				(RowCallbackHandler) rs -> byStep.put(rs.getString("step"), rs.getLong("cases")));
		return byStep;
	}

	/**
	 * The user tasks of the case processes with their candidate group.
	 * @return task definition key to task, in model order
	 */
	public Map<String, UserTaskStep> userTasks() {
		Map<String, UserTaskStep> tasks = new LinkedHashMap<>();
		for (String key : PROCESS_KEYS) {
			BpmnModelInstance model = model(key);
			if (model != null) {
				for (UserTask task : model.getModelElementsByType(UserTask.class)) {
					String group = task.getCamundaCandidateGroups() == null ? "none"
							: task.getCamundaCandidateGroups().split(",")[0].strip();
					tasks.putIfAbsent(task.getId(),
							new UserTaskStep(task.getId(), StepNames.plain(task.getName(), task.getId()), group));
				}
			}
		}
		return tasks;
	}

	/**
	 * Completed user tasks of the case processes ever, per task: how many and how long
	 * they waited from creation to completion.
	 */
	public List<TaskWait> taskWaits() {
		return taskWaits("", Map.of("keys", PROCESS_KEYS));
	}

	/**
	 * The same for the tasks completed in the period (half-open), with median and p90.
	 */
	public List<TaskWait> taskWaits(Instant from, Instant to) {
		return taskWaits("AND end_time_ >= :from AND end_time_ < :to",
				Map.of("keys", PROCESS_KEYS, "from", Timestamp.from(from), "to", Timestamp.from(to)));
	}

	private List<TaskWait> taskWaits(String period, Map<String, Object> parameters) {
		Map<String, UserTaskStep> tasks = userTasks();
		List<TaskWait> waits = new ArrayList<>();
		jdbc.query("""
				SELECT task_def_key_ AS task, count(*) AS tasks, coalesce(sum(duration_), 0) / 1000.0 AS seconds,
				       percentile_cont(0.5) WITHIN GROUP (ORDER BY duration_) / 1000.0 AS median,
				       percentile_cont(0.9) WITHIN GROUP (ORDER BY duration_) / 1000.0 AS p90
				FROM act_hi_taskinst
				WHERE proc_def_key_ IN (:keys) AND end_time_ IS NOT NULL AND delete_reason_ = 'completed' %s
				GROUP BY task_def_key_
				ORDER BY task_def_key_
				""".formatted(period), parameters, rs -> {
			String key = rs.getString("task");
			UserTaskStep task = tasks.getOrDefault(key, new UserTaskStep(key, key, "none"));
			waits.add(new TaskWait(key, task.name(), task.group(), rs.getLong("tasks"), rs.getDouble("seconds"),
					rs.getDouble("median"), rs.getDouble("p90")));
		});
		return waits;
	}

	/** Incidents (failed jobs and the like) not yet resolved, in every process. */
	public long openIncidents() {
		Long count = jdbc.queryForObject("SELECT count(*) FROM act_ru_incident", Map.of(), Long.class);
		return count == null ? 0 : count;
	}

	private BpmnModelInstance model(String key) {
		ProcessDefinition definition = repository.createProcessDefinitionQuery()
			.processDefinitionKey(key)
			.latestVersion()
			.singleResult();
		if (definition == null) {
			return null;
		}
		return models.computeIfAbsent(definition.getId(), repository::getBpmnModelInstance);
	}

	/**
	 * @param task the task definition key, e.g. {@code Task_ReviewInvestigation}
	 * @param name its name in the model
	 * @param group the candidate group that works it
	 */
	public record UserTaskStep(String task, String name, String group) {
	}

	/**
	 * @param task the task definition key
	 * @param name its name in the model
	 * @param group its candidate group
	 * @param completed tasks completed
	 * @param totalSeconds their summed wait from creation to completion
	 * @param medianSeconds median wait
	 * @param p90Seconds 90th percentile of the wait
	 */
	public record TaskWait(String task, String name, String group, long completed, double totalSeconds,
			double medianSeconds, double p90Seconds) {
	}

}
