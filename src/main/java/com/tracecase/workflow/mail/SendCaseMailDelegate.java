package com.tracecase.workflow.mail;

import java.util.Arrays;
import java.util.List;

import com.tracecase.notification.MailTemplate;
import com.tracecase.notification.Notifications;
import com.tracecase.notification.Recipient;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

import static com.tracecase.workflow.FailureCaseProcess.*;
import static com.tracecase.workflow.ProcessVariables.requiredText;
import static com.tracecase.workflow.ProcessVariables.text;

/**
 * Every mail step of the case processes (Task_NotifyQc, Task_InformProduction,
 * Task_AcknowledgeCustomer, reminders, containment): the step names the template in input
 * parameter {@code mailTemplate} and the recipients in {@code mailTo}, a comma-separated
 * list of group ids or {@code customer}. The mail goes into the outbox in the step's
 * transaction; the key (case, step, execution) keeps a retried step from queueing it
 * twice.
 */
@Component("sendCaseMail")
class SendCaseMailDelegate implements JavaDelegate {

	static final String INPUT_TEMPLATE = "mailTemplate";

	static final String INPUT_TO = "mailTo";

	private static final String CUSTOMER = "customer";

	private final Notifications notifications;

	SendCaseMailDelegate(Notifications notifications) {
		this.notifications = notifications;
	}

	@Override
	public void execute(DelegateExecution execution) {
		MailTemplate template = MailTemplate.valueOf(requiredText(execution, INPUT_TEMPLATE));
		List<Recipient> recipients = Arrays.stream(requiredText(execution, INPUT_TO).split(","))
			.map(String::trim)
			.map(to -> CUSTOMER.equals(to) ? Recipient.address(requiredText(execution, VAR_CUSTOMER_EMAIL))
					: Recipient.group(to))
			.toList();
		notifications.enqueue(template, recipients, CaseMails.model(execution), CaseMails.deduplicationKey(execution));
	}

}
