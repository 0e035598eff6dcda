package com.tracecase.workflow.mail;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.tracecase.genealogy.Genealogy;
import com.tracecase.genealogy.TracedLot;
import com.tracecase.notification.MailTemplate;
import com.tracecase.notification.Notifications;
import com.tracecase.notification.Recipient;
import com.tracecase.shared.Labels;
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
 * twice. Production's intake mail lists the lots in the unit, with where each comes from.
 */
@Component("sendCaseMail")
class SendCaseMailDelegate implements JavaDelegate {

	static final String INPUT_TEMPLATE = "mailTemplate";

	static final String INPUT_TO = "mailTo";

	private static final String CUSTOMER = "customer";

	private final Notifications notifications;

	private final Genealogy genealogy;

	SendCaseMailDelegate(Notifications notifications, Genealogy genealogy) {
		this.notifications = notifications;
		this.genealogy = genealogy;
	}

	@Override
	public void execute(DelegateExecution execution) {
		MailTemplate template = MailTemplate.valueOf(requiredText(execution, INPUT_TEMPLATE));
		List<Recipient> recipients = Arrays.stream(requiredText(execution, INPUT_TO).split(","))
			.map(String::trim)
			.map(to -> CUSTOMER.equals(to) ? Recipient.address(requiredText(execution, VAR_CUSTOMER_EMAIL))
					: Recipient.group(to))
			.toList();
		Map<String, Object> model = CaseMails.model(execution);
		if (template == MailTemplate.PRODUCTION_INFORMED) {
			// at intake QC has named nothing yet: the unit's lots, no suspects
			model.remove("suspectLots");
			model.put("unitLots", unitLots(requiredText(execution, VAR_SERIAL_NUMBER)));
		}
		notifications.enqueue(template, recipients, model, CaseMails.deduplicationKey(execution));
	}

	/** Each lot in the unit as one line: code, part, and where it comes from. */
	private List<String> unitLots(String serialNumber) {
		List<String> codes = genealogy.traceDevice(serialNumber).lots().stream().map(TracedLot::lotCode).toList();
		return genealogy.findLots(codes)
			.stream()
			.map(lot -> lot.lotCode() + "  " + lot.partDescription() + ", "
					+ Labels.origin(lot.supplier(), lot.buildCode())
					+ (lot.dateCode() == null ? "" : ", date code " + lot.dateCode()))
			.toList();
	}

}
