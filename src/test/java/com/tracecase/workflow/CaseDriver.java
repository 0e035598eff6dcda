package com.tracecase.workflow;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.tracecase.casework.CaseManagement;
import com.tracecase.casework.CustomerTier;
import com.tracecase.casework.FailureReport;
import com.tracecase.casework.ReportChannel;
import com.tracecase.casework.SymptomCategory;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives a case through the engine as people and the job executor would: jobs run one by
 * one (the test suite runs without a job executor), tasks are claimed and completed by
 * named users with their own authorizations.
 */
public final class CaseDriver {

	private final ProcessEngine engine;

	private final CaseManagement cases;

	public CaseDriver(ProcessEngine engine, CaseManagement cases) {
		this.engine = engine;
		this.cases = cases;
	}

	/**
	 * Files a report as a system would, through the casework API; its process starts in
	 * the same transaction.
	 */
	public String fileReport(String serial, LocalDate purchaseDate, CustomerTier tier) {
		FailureReport report = new FailureReport(serial, "Dana Miller", "dana.miller@example.com", "+49 30 1234",
				SymptomCategory.NO_POWER, "Dead after charging overnight", purchaseDate, ReportChannel.PHONE, null,
				tier);
		return cases.file(report, "cs.agent", null).failureCase().getCaseNumber();
	}

	public ProcessInstance caseProcess(String caseNumber) {
		return engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceBusinessKey(caseNumber, FailureCaseProcess.PROCESS_KEY)
			.singleResult();
	}

	ProcessInstance containmentProcess(String caseNumber) {
		return engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceBusinessKey(caseNumber, FailureCaseProcess.CONTAINMENT_PROCESS_KEY)
			.singleResult();
	}

	/**
	 * Runs every due job of the case (and its containment) until none is left; timers
	 * that are not due wait.
	 */
	public void runJobs(String caseNumber) {
		ManagementService management = engine.getManagementService();
		for (int round = 0; round < 100; round++) {
			List<Job> due = dueJobs(caseNumber);
			if (due.isEmpty()) {
				return;
			}
			management.executeJob(due.get(0).getId());
		}
		throw new AssertionError("Case " + caseNumber + " keeps producing jobs");
	}

	/** Fires a timer of the case now, as if its time had come, and runs what follows. */
	public void fireTimer(String caseNumber, String activityId) {
		fireTimer(caseNumber, activityId, caseProcess(caseNumber).getId());
	}

	/**
	 * Fires a timer of one of the processes with the business key now, and runs what
	 * follows.
	 */
	public void fireTimer(String businessKey, String activityId, String processInstanceId) {
		Job timer = engine.getManagementService()
			.createJobQuery()
			.processInstanceId(processInstanceId)
			.activityId(activityId)
			.timers()
			.singleResult();
		assertThat(timer).as("timer " + activityId).isNotNull();
		engine.getManagementService().executeJob(timer.getId());
		runJobs(businessKey);
	}

	/** The one open task of the case at this step. */
	public Task task(String caseNumber, String taskDefinitionKey) {
		List<Task> tasks = engine.getTaskService()
			.createTaskQuery()
			.processInstanceBusinessKey(caseNumber)
			.taskDefinitionKey(taskDefinitionKey)
			.list();
		assertThat(tasks).as("open %s of %s", taskDefinitionKey, caseNumber).hasSize(1);
		return tasks.get(0);
	}

	/**
	 * Claims and completes a task as the user, with the user's authorizations, then runs
	 * the jobs that follow.
	 */
	public void complete(String caseNumber, String taskDefinitionKey, String user, Map<String, Object> variables) {
		Task task = task(caseNumber, taskDefinitionKey);
		asUser(user, () -> {
			TaskService tasks = engine.getTaskService();
			tasks.claim(task.getId(), user);
			tasks.complete(task.getId(), variables);
		});
		runJobs(caseNumber);
	}

	void asUser(String user, Runnable work) {
		IdentityService identity = engine.getIdentityService();
		List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
		identity.setAuthentication(user, groups);
		try {
			work.run();
		}
		finally {
			identity.clearAuthentication();
		}
	}

	private List<Job> dueJobs(String caseNumber) {
		RuntimeService runtime = engine.getRuntimeService();
		return runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(caseNumber)
			.list()
			.stream()
			.flatMap(instance -> engine.getManagementService()
				.createJobQuery()
				.processInstanceId(instance.getId())
				.executable()
				.list()
				.stream())
			.toList();
	}

}
