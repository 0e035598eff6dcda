package com.tracecase.workflow;

import java.math.BigDecimal;

import com.tracecase.finance.CostEstimate;
import com.tracecase.finance.Remedy;
import com.tracecase.shared.Labels;
import com.tracecase.shared.Money;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * What the forms show of a decision, in words: labels instead of codes, money with its
 * currency. Forms show these read-only; the codes and numbers stay the variables that
 * gateways and the decision table read.
 */
public final class DisplayVariables {

	public static final String VAR_ACTION_LABEL = "actionLabel";

	public static final String VAR_WARRANTY_LABEL = "warrantyLabel";

	public static final String VAR_DECIDED_COST_DISPLAY = "decidedCostDisplay";

	public static final String VAR_COST_BREAKDOWN = "costBreakdown";

	public static final String VAR_CUSTOMER_CHARGED_LABEL = "customerChargedLabel";

	private DisplayVariables() {
	}

	public static void decision(VariableScope scope, Remedy remedy, BigDecimal cost, String currency,
			CostEstimate estimate, boolean customerCharged) {
		scope.setVariable(VAR_ACTION_LABEL, label(remedy));
		scope.setVariable(VAR_DECIDED_COST_DISPLAY, money(cost, currency));
		scope.setVariable(VAR_CUSTOMER_CHARGED_LABEL,
				customerCharged ? "Yes: the customer pays this remedy" : "No: warranty covers it");
		String breakdown = switch (remedy) {
			case REPAIR -> "Labor " + money(estimate.laborCost(), currency) + " · Parts "
					+ money(estimate.partsCost(), currency) + " · Shipping " + money(estimate.shippingCost(), currency);
			case REPLACE -> "Replacement unit " + money(estimate.replacementUnitCost(), currency) + " · Shipping "
					+ money(estimate.shippingCost(), currency);
			case REFUND -> "Refund " + money(estimate.refundAmount(), currency);
			case DENY, ESCALATE -> "No cost";
		};
		scope.setVariable(VAR_COST_BREAKDOWN, breakdown);
		Object warranty = scope.getVariable(FailureCaseProcess.VAR_WARRANTY_STATUS);
		if (warranty != null) {
			scope.setVariable(VAR_WARRANTY_LABEL, Labels.label("WarrantyStatus", warranty.toString()));
		}
	}

	public static String label(Remedy remedy) {
		return Labels.label(remedy);
	}

	private static String money(BigDecimal amount, String currency) {
		return Money.format(amount, currency);
	}

}
