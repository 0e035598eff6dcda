package com.tracecase.workflow;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * The one rule for who did a step: the user who completed its task (the authenticated
 * user of the completion), else the task's assignee, else Tracecase itself.
 */
public final class TaskActors {

	/** Who a step is recorded as when no person did it. */
	public static final String SYSTEM = "tracecase";

	private TaskActors() {
	}

	/**
	 * @param task the task being completed, must not be {@literal null}
	 * @return the user id, never {@literal null}
	 */
	public static String completedBy(DelegateTask task) {
		Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		if (current != null && current.getUserId() != null) {
			return current.getUserId();
		}
		return task.getAssignee() != null ? task.getAssignee() : SYSTEM;
	}

	/**
	 * @param task the task being completed, must not be {@literal null}
	 * @return the signed-in person completing it, {@literal null} when Tracecase itself
	 * completes it
	 */
	public static String signedInUser(DelegateTask task) {
		Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		return (current != null) ? current.getUserId() : null;
	}

	/**
	 * @param task the task being completed, must not be {@literal null}
	 * @return the groups of the signed-in person completing it, never {@literal null}
	 */
	public static List<String> signedInGroups(DelegateTask task) {
		Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		return (current != null && current.getGroupIds() != null) ? List.copyOf(current.getGroupIds()) : List.of();
	}

}
