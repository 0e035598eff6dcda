package com.tracecase.workflow;

import java.math.BigDecimal;

import com.tracecase.finance.CostEstimate;
import org.camunda.bpm.engine.delegate.VariableScope;

import static com.tracecase.workflow.FailureCaseProcess.VAR_LABOR_COST;
import static com.tracecase.workflow.FailureCaseProcess.VAR_PARTS_COST;
import static com.tracecase.workflow.FailureCaseProcess.VAR_REFUND_AMOUNT;
import static com.tracecase.workflow.FailureCaseProcess.VAR_REPAIR_COST;
import static com.tracecase.workflow.FailureCaseProcess.VAR_REPAIR_COST_RATIO;
import static com.tracecase.workflow.FailureCaseProcess.VAR_REPLACEMENT_COST;
import static com.tracecase.workflow.FailureCaseProcess.VAR_REPLACEMENT_UNIT_COST;
import static com.tracecase.workflow.FailureCaseProcess.VAR_SHIPPING_COST;

/**
 * A case's cost estimate as process variables: numbers the decision table and the forms
 * read, and the estimate finance computes with.
 */
public final class CostVariables {

	private CostVariables() {
	}

	public static void write(VariableScope scope, CostEstimate estimate) {
		scope.setVariable(VAR_LABOR_COST, estimate.laborCost().doubleValue());
		scope.setVariable(VAR_PARTS_COST, estimate.partsCost().doubleValue());
		scope.setVariable(VAR_REPLACEMENT_UNIT_COST, estimate.replacementUnitCost().doubleValue());
		scope.setVariable(VAR_SHIPPING_COST, estimate.shippingCost().doubleValue());
		scope.setVariable(VAR_REFUND_AMOUNT, estimate.refundAmount().doubleValue());
		scope.setVariable(VAR_REPAIR_COST, estimate.repairCost().doubleValue());
		scope.setVariable(VAR_REPLACEMENT_COST, estimate.replacementCost().doubleValue());
		scope.setVariable(VAR_REPAIR_COST_RATIO, estimate.repairToReplacementRatio());
	}

	public static CostEstimate read(VariableScope scope) {
		return new CostEstimate(amount(scope, VAR_LABOR_COST), amount(scope, VAR_PARTS_COST),
				amount(scope, VAR_REPLACEMENT_UNIT_COST), amount(scope, VAR_SHIPPING_COST),
				amount(scope, VAR_REFUND_AMOUNT));
	}

	private static BigDecimal amount(VariableScope scope, String name) {
		return ProcessVariables.money(scope, name).setScale(2, java.math.RoundingMode.HALF_UP);
	}

}
