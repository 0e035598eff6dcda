package com.tracecase.casework;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a case's process stands. Implemented by the workflow, which knows the process;
 * casework only shows it.
 */
public interface CaseProgress {

	/**
	 * @param caseNumber the case, must not be {@literal null}
	 * @return its progress, never {@literal null} (empty when the case has no process)
	 */
	Progress progressOf(String caseNumber);

	/**
	 * @param groups the groups whose tasks to list, must not be {@literal null}
	 * @param max at most this many
	 * @return the open case tasks offered to any of the groups or assigned to one of
	 * their members, oldest first, never {@literal null}
	 */
	List<CaseTask> openTasksOf(Collection<String> groups, int max);

	/**
	 * The steps of the case process a case can wait at, in the order of the model.
	 * @return step id to the step's name for people, never {@literal null}
	 */
	Map<String, String> steps();

	/**
	 * @param stepId a step of {@link #steps()}, must not be {@literal null}
	 * @return the numbers of the cases whose process waits at the step now, never
	 * {@literal null}
	 */
	Set<String> casesAt(String stepId);

	/**
	 * @param caseNumber the case the task belongs to
	 * @param task the task
	 */
	record CaseTask(String caseNumber, OpenTask task) {
	}

	/**
	 * @param currentSteps names of the steps the case waits in or works on
	 * @param openTasks the tasks people must do next
	 * @param timeline every step so far, oldest first
	 */
	record Progress(List<String> currentSteps, List<OpenTask> openTasks, List<Step> timeline) {

		public static Progress none() {
			return new Progress(List.of(), List.of(), List.of());
		}

	}

	record OpenTask(String taskId, String name, List<String> candidateGroups, String assignee, Instant created) {
	}

	/**
	 * @param step the step's name
	 * @param type the kind of step, e.g. {@code userTask}, {@code serviceTask}
	 * @param startedAt when it began
	 * @param endedAt when it ended, {@literal null} while it runs
	 * @param by who did it, for tasks people work
	 */
	record Step(String step, String type, Instant startedAt, Instant endedAt, String by) {
	}

}
