package com.tracecase.workflow.supplier;

import java.util.List;
import java.util.Map;

import com.tracecase.quality.SupplierAnswerSubmitted;
import com.tracecase.quality.SupplierAnswerVerdictSubmitted;
import com.tracecase.shared.StateConflictException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import static com.tracecase.workflow.FailureCaseProcess.VERDICT_APPROVED;
import static com.tracecase.workflow.FailureCaseProcess.VERDICT_REJECTED;
import static com.tracecase.workflow.SupplierActionProcess.*;

/**
 * The 8D answer or QC's verdict entered on the action's page or through the API completes
 * the waiting task as the user who entered it, with that user's authorizations, so only
 * the groups whose job it is can enter it. The task's complete listener records it, as
 * from Tasklist.
 */
@Component
class CompleteSupplierTasks {

	private final TaskService tasks;

	private final IdentityService identity;

	CompleteSupplierTasks(TaskService tasks, IdentityService identity) {
		this.tasks = tasks;
		this.identity = identity;
	}

	@EventListener
	void on(SupplierAnswerSubmitted event) {
		complete(event.reference(), TASK_RECORD_ANSWER, event.by(),
				Map.of(VAR_CONTAINMENT_ACTION, event.answer().containmentAction(), VAR_ROOT_CAUSE,
						event.answer().rootCause(), VAR_CORRECTIVE_ACTION, event.answer().correctiveAction(),
						VAR_PREVENTIVE_ACTION, event.answer().preventiveAction()),
				"is not waiting for the supplier's 8D answer");
	}

	@EventListener
	void on(SupplierAnswerVerdictSubmitted event) {
		java.util.HashMap<String, Object> variables = new java.util.HashMap<>();
		variables.put(VAR_ANSWER_VERDICT, event.verified() ? VERDICT_APPROVED : VERDICT_REJECTED);
		variables.put(VAR_REJECTION_REASON, event.reason());
		complete(event.reference(), TASK_VERIFY_ANSWER, event.by(), variables,
				"has no answer waiting for verification");
	}

	private void complete(String reference, String taskKey, String user, Map<String, Object> variables,
			String notWaiting) {
		Task task = tasks.createTaskQuery()
			.processInstanceBusinessKey(reference)
			.processDefinitionKey(PROCESS_KEY)
			.taskDefinitionKey(taskKey)
			.singleResult();
		if (task == null) {
			throw new StateConflictException("Supplier action " + reference + " " + notWaiting + ".");
		}
		Authentication previous = identity.getCurrentAuthentication();
		List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
		identity.setAuthentication(user, groups);
		try {
			tasks.complete(task.getId(), variables);
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
