package com.tracecase.workflow.resolution;

import java.util.List;

import com.tracecase.casework.UnitReceived;
import com.tracecase.shared.StateConflictException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import static com.tracecase.workflow.FailureCaseProcess.TASK_RECEIVE_UNIT;

/**
 * A unit booked in through the case API completes the case's Task_ReceiveUnit as the user
 * who booked it, with that user's authorizations, so only the groups whose job it is can
 * book it.
 */
@Component
class CompleteUnitReceipt {

	private final TaskService tasks;

	private final IdentityService identity;

	CompleteUnitReceipt(TaskService tasks, IdentityService identity) {
		this.tasks = tasks;
		this.identity = identity;
	}

	@EventListener
	void on(UnitReceived event) {
		Task task = tasks.createTaskQuery()
			.processInstanceBusinessKey(event.caseNumber())
			.taskDefinitionKey(TASK_RECEIVE_UNIT)
			.singleResult();
		if (task == null) {
			throw new StateConflictException("Case " + event.caseNumber() + " is not waiting for its unit.");
		}
		Authentication previous = identity.getCurrentAuthentication();
		List<String> groups = identity.createGroupQuery()
			.groupMember(event.receivedBy())
			.list()
			.stream()
			.map(Group::getId)
			.toList();
		identity.setAuthentication(event.receivedBy(), groups);
		try {
			tasks.complete(task.getId());
		}
		finally {
			if (previous != null) {
				identity.setAuthentication(previous);
			}
			else {
				identity.clearAuthentication();
			}
		}
	}

}
