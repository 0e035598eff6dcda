package com.tracecase.workflow.casefile;

import java.util.Locale;

import com.tracecase.casework.CaseManagement;
import com.tracecase.casework.CustomerTier;
import com.tracecase.casework.FailureCase;
import com.tracecase.casework.FailureReport;
import com.tracecase.casework.ReportChannel;
import com.tracecase.casework.SymptomCategory;
import com.tracecase.shared.Labels;
import com.tracecase.shared.InvalidInputException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import static com.tracecase.workflow.FailureCaseProcess.*;
import static com.tracecase.workflow.ProcessVariables.date;
import static com.tracecase.workflow.ProcessVariables.text;

/**
 * Start listener of {@code FailureCaseProcess}: a report started from Tasklist's start
 * form becomes a case here, and its case number becomes the business key (Camunda Forms
 * start forms cannot pass one). A process started with a business key belongs to a case
 * filed through the API already.
 */
@Component("registerCase")
class RegisterCaseListener implements ExecutionListener {

	private final CaseManagement cases;

	RegisterCaseListener(CaseManagement cases) {
		this.cases = cases;
	}

	@Override
	public void notify(DelegateExecution execution) {
		if (StringUtils.hasText(execution.getProcessBusinessKey())) {
			execution.setVariable(VAR_CASE_NUMBER, execution.getProcessBusinessKey());
			execution.setVariable(VAR_SYMPTOM_LABEL,
					Labels.label("SymptomCategory", text(execution, VAR_SYMPTOM_CATEGORY)));
			return;
		}
		FailureReport report = new FailureReport(text(execution, VAR_SERIAL_NUMBER), text(execution, VAR_CUSTOMER_NAME),
				text(execution, VAR_CUSTOMER_EMAIL), text(execution, VAR_CUSTOMER_PHONE),
				enumValue(SymptomCategory.class, text(execution, VAR_SYMPTOM_CATEGORY), VAR_SYMPTOM_CATEGORY),
				text(execution, VAR_DESCRIPTION), date(execution, VAR_PURCHASE_DATE),
				enumValue(ReportChannel.class, defaultIfBlank(text(execution, VAR_CHANNEL), "PHONE"), VAR_CHANNEL),
				null, enumValue(CustomerTier.class, defaultIfBlank(text(execution, VAR_CUSTOMER_TIER), "STANDARD"),
						VAR_CUSTOMER_TIER));
		FailureCase registered = cases.register(report, defaultIfBlank(text(execution, VAR_REPORTED_BY), "tasklist"));
		execution.setProcessBusinessKey(registered.getCaseNumber());
		execution.setVariable(VAR_CASE_NUMBER, registered.getCaseNumber());
		execution.setVariable(VAR_CUSTOMER_TIER, registered.getCustomerTier().name());
		execution.setVariable(VAR_SYMPTOM_LABEL, Labels.label(registered.getSymptomCategory()));
	}

	private static String defaultIfBlank(String value, String fallback) {
		return StringUtils.hasText(value) ? value : fallback;
	}

	private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field) {
		if (!StringUtils.hasText(value)) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(field, "'" + value + "' is not a valid " + field + ".");
		}
	}

}
