package com.tracecase.workflow.supplier;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import com.tracecase.quality.SupplierActionTasks;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

import org.springframework.stereotype.Component;

import static com.tracecase.workflow.SupplierActionProcess.PROCESS_KEY;

/**
 * The open task of a supplier action's process, from the engine.
 */
@Component
class EngineSupplierActionTasks implements SupplierActionTasks {

	private final TaskService tasks;

	EngineSupplierActionTasks(TaskService tasks) {
		this.tasks = tasks;
	}

	@Override
	public Optional<OpenTask> openTask(String reference) {
		return tasks.createTaskQuery()
			.processInstanceBusinessKey(reference)
			.processDefinitionKey(PROCESS_KEY)
			.orderByTaskCreateTime()
			.asc()
			.list()
			.stream()
			.findFirst()
			.map(task -> new OpenTask(task.getId(), task.getName(),
					tasks.getIdentityLinksForTask(task.getId())
						.stream()
						.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
						.map(IdentityLink::getGroupId)
						.filter(Objects::nonNull)
						.toList(),
					task.getAssignee(), instant(task),
					task.getDueDate() == null ? null : task.getDueDate().toInstant()));
	}

	private static Instant instant(Task task) {
		return task.getCreateTime() == null ? null : task.getCreateTime().toInstant();
	}

}
