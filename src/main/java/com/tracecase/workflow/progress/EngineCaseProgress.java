package com.tracecase.workflow.progress;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Objects;
import java.util.Set;

import com.tracecase.casework.CaseProgress;
import com.tracecase.workflow.FailureCaseProcess;
import com.tracecase.workflow.ProcessFigures;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;

import org.springframework.stereotype.Component;

/**
 * A case's progress from the engine: its process instances (the case and its containment
 * share the business key), their open tasks and their history.
 */
@Component
class EngineCaseProgress implements CaseProgress {

	/** Steps worth showing in a timeline; gateways and flows are plumbing. */
	private static final Set<String> SHOWN = Set.of("startEvent", "endEvent", "noneEndEvent", "userTask", "serviceTask",
			"businessRuleTask", "callActivity", "intermediateMessageCatch", "boundaryTimer", "boundaryError",
			"errorEndEvent");

	private final HistoryService historyService;

	private final RuntimeService runtimeService;

	private final TaskService taskService;

	private final CaseModels models;

	EngineCaseProgress(HistoryService historyService, RuntimeService runtimeService, TaskService taskService,
			CaseModels models) {
		this.historyService = historyService;
		this.runtimeService = runtimeService;
		this.taskService = taskService;
		this.models = models;
	}

	/**
	 * The activities of the failure case process, then its catch events, each in the
	 * order of the model, as {@link ProcessFigures#caseSteps()} counts them.
	 */
	@Override
	public Map<String, String> steps() {
		Map<String, String> steps = new LinkedHashMap<>();
		models.latest(FailureCaseProcess.PROCESS_KEY).ifPresent(model -> {
			for (Activity activity : model.getModelElementsByType(Activity.class)) {
				steps.put(activity.getId(), StepNames.plain(activity.getName(), activity.getId()));
			}
			for (IntermediateCatchEvent event : model.getModelElementsByType(IntermediateCatchEvent.class)) {
				steps.put(event.getId(), StepNames.plain(event.getName(), event.getId()));
			}
		});
		return steps;
	}

	@Override
	public Set<String> casesAt(String stepId) {
		return runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(FailureCaseProcess.PROCESS_KEY)
			.activityIdIn(stepId)
			.list()
			.stream()
			.map(ProcessInstance::getBusinessKey)
			.filter(Objects::nonNull)
			.collect(Collectors.toSet());
	}

	@Override
	public Progress progressOf(String caseNumber) {
		List<String> instanceIds = historyService.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(caseNumber)
			.list()
			.stream()
			.map(HistoricProcessInstance::getId)
			.toList();
		if (instanceIds.isEmpty()) {
			return Progress.none();
		}
		List<HistoricActivityInstance> activities = instanceIds.stream()
			.flatMap(instanceId -> historyService.createHistoricActivityInstanceQuery()
				.processInstanceId(instanceId)
				.orderByHistoricActivityInstanceStartTime()
				.asc()
				.orderPartiallyByOccurrence()
				.asc()
				.list()
				.stream())
			.filter(activity -> SHOWN.contains(activity.getActivityType()))
			// stable: steps of one instance keep their order of occurrence
			.sorted(Comparator.comparing(HistoricActivityInstance::getStartTime))
			.toList();
		// task names carry the case and serial; the definition's name is only their
		// pattern. Who did a user task is who completed it (the user operation log), as
		// TaskActors records it on the case.
		List<HistoricTaskInstance> tasks = instanceIds.stream()
			.flatMap(instanceId -> historyService.createHistoricTaskInstanceQuery()
				.processInstanceId(instanceId)
				.list()
				.stream())
			.filter(task -> task.getActivityInstanceId() != null)
			.toList();
		Map<String, String> taskNames = tasks.stream()
			.filter(task -> task.getName() != null)
			.collect(Collectors.toMap(HistoricTaskInstance::getActivityInstanceId, HistoricTaskInstance::getName,
					(first, second) -> first));
		Map<String, String> completedBy = new HashMap<>();
		instanceIds.forEach(instanceId -> historyService.createUserOperationLogQuery()
			.processInstanceId(instanceId)
			.operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
			.list()
			.forEach(entry -> {
				if (entry.getTaskId() != null && entry.getUserId() != null) {
					completedBy.putIfAbsent(entry.getTaskId(), entry.getUserId());
				}
			}));
		Map<String, String> doneBy = new HashMap<>();
		tasks.forEach(task -> {
			String by = completedBy.getOrDefault(task.getId(), task.getAssignee());
			if (by != null) {
				doneBy.put(task.getActivityInstanceId(), by);
			}
		});
		List<Step> timeline = activities.stream()
			.map(activity -> new Step(taskNames.getOrDefault(activity.getId(), name(activity)),
					activity.getActivityType(), instant(activity.getStartTime()), instant(activity.getEndTime()),
					doneBy.getOrDefault(activity.getId(), activity.getAssignee())))
			.toList();
		List<OpenTask> openTasks = taskService.createTaskQuery()
			.processInstanceBusinessKey(caseNumber)
			.orderByTaskCreateTime()
			.asc()
			.list()
			.stream()
			.map(this::openTask)
			.toList();
		List<String> current = timeline.stream()
			.filter(step -> step.endedAt() == null)
			.map(Step::step)
			.distinct()
			.toList();
		return new Progress(current, openTasks, timeline);
	}

	@Override
	public List<CaseTask> openTasksOf(Collection<String> groups, int max) {
		if (groups.isEmpty()) {
			return List.of();
		}
		List<Task> tasks = taskService.createTaskQuery()
			.taskCandidateGroupIn(new ArrayList<>(groups))
			.includeAssignedTasks()
			.orderByTaskCreateTime()
			.asc()
			.listPage(0, max);
		Set<String> instanceIds = tasks.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
		Map<String, String> businessKeys = instanceIds.isEmpty() ? Map.of()
				: runtimeService.createProcessInstanceQuery()
					.processInstanceIds(instanceIds)
					.list()
					.stream()
					.filter(instance -> instance.getBusinessKey() != null)
					.collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
		return tasks.stream()
			.map(task -> new CaseTask(businessKeys.get(task.getProcessInstanceId()), openTask(task)))
			.toList();
	}

	private OpenTask openTask(Task task) {
		List<String> groups = taskService.getIdentityLinksForTask(task.getId())
			.stream()
			.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
			.map(IdentityLink::getGroupId)
			.filter(Objects::nonNull)
			.toList();
		return new OpenTask(task.getId(), task.getName(), groups, task.getAssignee(), instant(task.getCreateTime()));
	}

	private static String name(HistoricActivityInstance activity) {
		return activity.getActivityName() != null ? activity.getActivityName() : activity.getActivityId();
	}

	private static Instant instant(Date date) {
		return date == null ? null : date.toInstant();
	}

}
