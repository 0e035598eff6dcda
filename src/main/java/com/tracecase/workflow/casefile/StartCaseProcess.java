package com.tracecase.workflow.casefile;

import com.tracecase.casework.CaseManagement;
import com.tracecase.casework.FailureCase;
import com.tracecase.casework.FailureReported;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import static com.tracecase.workflow.FailureCaseProcess.*;

/**
 * Starts the case process of a report filed through the API, in the filing transaction:
 * the case and its process commit together, so no accepted report is left without a
 * process.
 */
@Component
class StartCaseProcess {

	private final RuntimeService runtimeService;

	private final CaseManagement cases;

	StartCaseProcess(RuntimeService runtimeService, CaseManagement cases) {
		this.runtimeService = runtimeService;
		this.cases = cases;
	}

	@EventListener
	void on(FailureReported event) {
		FailureCase c = cases.get(event.caseNumber());
		VariableMap variables = Variables.createVariables()
			.putValue(VAR_CASE_NUMBER, c.getCaseNumber())
			.putValue(VAR_SERIAL_NUMBER, c.getSerialNumber())
			.putValue(VAR_CUSTOMER_NAME, c.getCustomerName())
			.putValue(VAR_CUSTOMER_EMAIL, c.getCustomerEmail())
			.putValue(VAR_CUSTOMER_PHONE, c.getCustomerPhone())
			.putValue(VAR_CUSTOMER_TIER, c.getCustomerTier().name())
			.putValue(VAR_SYMPTOM_CATEGORY, c.getSymptomCategory().name())
			.putValue(VAR_DESCRIPTION, c.getDescription())
			.putValue(VAR_PURCHASE_DATE, c.getPurchaseDate() == null ? null : c.getPurchaseDate().toString())
			.putValue(VAR_CHANNEL, c.getChannel().name())
			.putValue(VAR_REPORTED_BY, c.getReportedBy());
		runtimeService.startProcessInstanceByKey(PROCESS_KEY, c.getCaseNumber(), variables);
	}

}
