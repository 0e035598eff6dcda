package com.tracecase.workflow.mail;

import java.util.List;
import java.util.Map;

import com.tracecase.notification.MailTemplate;
import com.tracecase.notification.Notifications;
import com.tracecase.notification.Recipient;
import com.tracecase.shared.Groups;
import com.tracecase.shared.Labels;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;

import org.springframework.stereotype.Component;

import static com.tracecase.workflow.FailureCaseProcess.*;
import static com.tracecase.workflow.ProcessVariables.requiredText;

/**
 * Task_EscalateReview: QC's review is overdue. Managers become candidates of the review
 * task, so they see it and can hand it to a QC engineer (only quality control completes
 * it, see {@code casework.Duties}), and they get a mail.
 */
@Component("escalateReview")
class EscalateReviewDelegate implements JavaDelegate {

	private final TaskService taskService;

	private final Notifications notifications;

	EscalateReviewDelegate(TaskService taskService, Notifications notifications) {
		this.taskService = taskService;
		this.notifications = notifications;
	}

	@Override
	public void execute(DelegateExecution execution) {
		List<Task> reviews = taskService.createTaskQuery()
			.processInstanceId(execution.getProcessInstanceId())
			.taskDefinitionKey(TASK_REVIEW_INVESTIGATION)
			.list();
		for (Task review : reviews) {
			taskService.addCandidateGroup(review.getId(), Groups.MANAGERS);
		}
		Map<String, Object> model = CaseMails.model(execution);
		reviews.stream().findFirst().ifPresent(task -> {
			model.put("taskName", task.getName());
			model.put("dueSince", Labels.dateTime(task.getCreateTime().toInstant()));
		});
		String caseNumber = requiredText(execution, VAR_CASE_NUMBER);
		notifications.enqueue(MailTemplate.ESCALATION, List.of(Recipient.group(Groups.MANAGERS)), model,
				CaseMails.deduplicationKey(execution));
	}

}
