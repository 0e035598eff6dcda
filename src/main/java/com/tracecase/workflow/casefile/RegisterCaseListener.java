package com.tracecase.workflow.casefile;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import com.tracecase.casework.CaseManagement;
import com.tracecase.casework.FailureCase;
import com.tracecase.casework.FailureReport;
import com.tracecase.casework.ReportChannel;
import com.tracecase.casework.SymptomCategory;
import com.tracecase.shared.InvalidInputException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import static com.tracecase.workflow.FailureCaseProcess.*;

/**
 * Start listener of {@code FailureCaseProcess}: a report started from Tasklist's start
 * form becomes a case here, and its case number becomes the business key (Camunda Forms
 * start forms cannot pass one). A process started with a business key already belongs to
 * a registered case.
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
			return;
		}
		FailureReport report = new FailureReport(text(execution, VAR_SERIAL_NUMBER), text(execution, VAR_CUSTOMER_NAME),
				text(execution, VAR_CUSTOMER_EMAIL), text(execution, VAR_CUSTOMER_PHONE),
				enumValue(SymptomCategory.class, text(execution, VAR_SYMPTOM_CATEGORY), VAR_SYMPTOM_CATEGORY),
				text(execution, VAR_DESCRIPTION), date(text(execution, VAR_PURCHASE_DATE)),
				enumValue(ReportChannel.class, defaultIfBlank(text(execution, VAR_CHANNEL), "PHONE"), VAR_CHANNEL),
				null);
		String reportedBy = defaultIfBlank(text(execution, VAR_REPORTED_BY), "tasklist");
		FailureCase registered = cases.register(report, reportedBy);
		execution.setProcessBusinessKey(registered.getCaseNumber());
		execution.setVariable(VAR_CASE_NUMBER, registered.getCaseNumber());
	}

	private static String text(DelegateExecution execution, String name) {
		Object value = execution.getVariable(name);
		return value == null ? null : value.toString().trim();
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

	private static LocalDate date(String value) {
		if (!StringUtils.hasText(value)) {
			return null;
		}
		try {
			// form-js date fields send ISO dates, possibly with a time part
			return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(VAR_PURCHASE_DATE, "'" + value + "' is not a date (yyyy-MM-dd).");
		}
	}

}
