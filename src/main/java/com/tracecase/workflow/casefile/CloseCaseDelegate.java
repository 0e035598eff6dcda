package com.tracecase.workflow.casefile;

import java.util.List;

import com.tracecase.casework.CaseClosure;
import com.tracecase.casework.CaseManagement;
import com.tracecase.notification.MailTemplate;
import com.tracecase.notification.Notifications;
import com.tracecase.notification.Recipient;
import com.tracecase.workflow.mail.CaseMails;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

import static com.tracecase.workflow.FailureCaseProcess.*;
import static com.tracecase.workflow.ProcessVariables.requiredText;
import static com.tracecase.workflow.ProcessVariables.text;

/**
 * Task_CloseResolved, Task_CloseNoFault, Task_CloseDenied, Task_CloseInvalid: closes the
 * case (input parameter {@code closure}) and tells the customer, except for a report that
 * named no device of ours.
 */
@Component("closeCase")
class CloseCaseDelegate implements JavaDelegate {

	private final CaseManagement cases;

	private final Notifications notifications;

	CloseCaseDelegate(CaseManagement cases, Notifications notifications) {
		this.cases = cases;
		this.notifications = notifications;
	}

	@Override
	public void execute(DelegateExecution execution) {
		CaseClosure closure = CaseClosure.valueOf(requiredText(execution, "closure"));
		String caseNumber = requiredText(execution, VAR_CASE_NUMBER);
		String resolution = switch (closure) {
			case RESOLVED -> text(execution, VAR_RESOLUTION_SUMMARY);
			case NO_FAULT_FOUND -> text(execution, VAR_CUSTOMER_MESSAGE);
			case DENIED -> "Claim denied. "
					+ (text(execution, VAR_DECISION_REASON) == null ? "" : text(execution, VAR_DECISION_REASON));
			case INVALID -> "Closed as invalid: the report named no device of ours.";
		};
		cases.close(caseNumber, closure, resolution);
		MailTemplate template = switch (closure) {
			case NO_FAULT_FOUND -> MailTemplate.NO_FAULT_FOUND;
			case RESOLVED, DENIED -> MailTemplate.RESOLUTION;
			case INVALID -> null;
		};
		if (template != null) {
			var model = CaseMails.model(execution);
			if (resolution != null) {
				model.put("resolution", resolution);
			}
			notifications.enqueue(template, List.of(Recipient.address(requiredText(execution, VAR_CUSTOMER_EMAIL))),
					model, CaseMails.deduplicationKey(execution));
		}
	}

}
