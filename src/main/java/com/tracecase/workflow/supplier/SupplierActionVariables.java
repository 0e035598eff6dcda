package com.tracecase.workflow.supplier;

import java.time.ZoneOffset;
import java.util.Date;

import com.tracecase.quality.SupplierCorrectiveAction;
import com.tracecase.shared.Labels;
import org.camunda.bpm.engine.delegate.VariableScope;

import static com.tracecase.workflow.SupplierActionProcess.*;

/**
 * The variables of a supplier action's process that follow from the action.
 */
final class SupplierActionVariables {

	private SupplierActionVariables() {
	}

	static long actionId(VariableScope scope) {
		Object id = scope.getVariable(VAR_SUPPLIER_ACTION_ID);
		if (!(id instanceof Number number)) {
			throw new IllegalStateException("The process has no " + VAR_SUPPLIER_ACTION_ID);
		}
		return number.longValue();
	}

	/**
	 * The due date of the answer task: the end of the due day (UTC), in words for the
	 * form.
	 */
	static void answerDue(VariableScope scope, SupplierCorrectiveAction action) {
		if (action.getAnswerDueOn() != null) {
			scope.setVariable(VAR_ANSWER_DUE, Date
				.from(action.getAnswerDueOn().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1)));
			scope.setVariable(VAR_ANSWER_DUE_TEXT, Labels.date(action.getAnswerDueOn()));
		}
	}

}
