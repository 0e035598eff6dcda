package com.tracecase.quality;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The open task of a supplier corrective action's process, as its page links it into
 * Tasklist. Implemented by the process side.
 */
public interface SupplierActionTasks {

	/**
	 * @param reference the action's reference
	 * @return its open task, if its process waits for a person
	 */
	Optional<OpenTask> openTask(String reference);

	/**
	 * @param id the task's id, for the link into Tasklist
	 * @param name the task's name
	 * @param groups its candidate groups
	 * @param assignee who has claimed it, may be {@literal null}
	 * @param createdAt when it was created
	 * @param dueAt when it is due, may be {@literal null}
	 */
	record OpenTask(String id, String name, List<String> groups, String assignee, Instant createdAt, Instant dueAt) {
	}

}
