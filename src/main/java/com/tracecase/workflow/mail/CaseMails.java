package com.tracecase.workflow.mail;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.tracecase.shared.InvalidInputException;
import com.tracecase.shared.Labels;
import com.tracecase.shared.Money;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;

import static com.tracecase.workflow.FailureCaseProcess.*;
import static com.tracecase.workflow.ProcessVariables.date;
import static com.tracecase.workflow.ProcessVariables.flag;
import static com.tracecase.workflow.ProcessVariables.requiredText;
import static com.tracecase.workflow.ProcessVariables.text;

/**
 * The model of every case mail, read from the case's process variables.
 */
public final class CaseMails {

	private CaseMails() {
	}

	/**
	 * What the templates show, in words: labels instead of codes, money with its
	 * currency, readable dates. Absent values are left out.
	 */
	public static Map<String, Object> model(VariableScope execution) {
		Map<String, Object> model = new HashMap<>();
		put(model, "caseNumber", text(execution, VAR_CASE_NUMBER));
		put(model, "serialNumber", text(execution, VAR_SERIAL_NUMBER));
		put(model, "product", text(execution, VAR_PRODUCT_DESCRIPTION));
		put(model, "buildCode", text(execution, VAR_BUILD_CODE));
		put(model, "customerName", text(execution, VAR_CUSTOMER_NAME));
		put(model, "symptom", Labels.label("SymptomCategory", text(execution, VAR_SYMPTOM_CATEGORY)));
		put(model, "description", text(execution, VAR_DESCRIPTION));
		put(model, "purchaseDate", purchaseDate(execution));
		put(model, "warranty", Labels.label("WarrantyStatus", text(execution, VAR_WARRANTY_STATUS)));
		put(model, "decision", Labels.label("Remedy", text(execution, VAR_ACTION)));
		put(model, "reason", text(execution, VAR_DECISION_REASON));
		// a lot contained on its own: why, in the words of who asked
		if (!model.containsKey("reason") && text(execution, VAR_CONTAINMENT_REASON) != null) {
			model.put("reason",
					text(execution, VAR_CONTAINMENT_REQUESTED_BY) + ": " + text(execution, VAR_CONTAINMENT_REASON));
		}
		put(model, "resolution", text(execution, VAR_RESOLUTION_SUMMARY));
		put(model, "customerMessage", text(execution, VAR_CUSTOMER_MESSAGE));
		String currency = text(execution, VAR_CURRENCY);
		Object cost = execution.getVariable(VAR_DECIDED_COST);
		if (currency != null && cost instanceof Number amount && ((Number) cost).doubleValue() != 0) {
			model.put("cost", Money.format(new BigDecimal(amount.toString()), currency));
			model.put("refunded", "REFUND".equals(text(execution, VAR_ACTION)));
			model.put("customerCharged", flag(execution, VAR_CUSTOMER_CHARGED));
		}
		String suspectLot = text(execution, VAR_SUSPECT_LOT_CODE);
		if (suspectLot != null) {
			model.put("suspectLots", List.of(suspectLot));
		}
		Object atRisk = execution.getVariable(VAR_SHIPPED_AT_RISK_COUNT);
		if (atRisk != null) {
			model.put("atRiskUnits", atRisk);
		}
		Object taskName = execution.getVariable("taskName");
		if (taskName != null) {
			model.put("taskName", taskName);
		}
		return model;
	}

	private static void put(Map<String, Object> model, String key, String value) {
		if (value != null) {
			model.put(key, value);
		}
	}

	/**
	 * The outbox key of the mail a step sends: the process's business key (the case, or a
	 * lot contained on its own), step and execution stay the same when a job is retried,
	 * so a retried step queues nothing twice, while a timer that fires again runs in a
	 * new execution and mails again.
	 */
	public static String deduplicationKey(DelegateExecution execution) {
		String caseNumber = text(execution, VAR_CASE_NUMBER);
		return (caseNumber != null ? caseNumber : execution.getProcessBusinessKey()) + ":"
				+ execution.getCurrentActivityId() + ":" + execution.getId();
	}

	/**
	 * The purchase date in words; a value that is not a date is shown as entered, since a
	 * mail about a failed step must not fail on the input that failed it.
	 */
	private static String purchaseDate(VariableScope execution) {
		try {
			return Labels.date(date(execution, VAR_PURCHASE_DATE));
		}
		catch (InvalidInputException ex) {
			return text(execution, VAR_PURCHASE_DATE);
		}
	}

}
