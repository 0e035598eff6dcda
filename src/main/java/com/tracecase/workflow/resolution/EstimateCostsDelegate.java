package com.tracecase.workflow.resolution;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.tracecase.finance.CostEstimate;
import com.tracecase.finance.WarrantyCosts;
import com.tracecase.genealogy.Genealogy;
import com.tracecase.genealogy.Part;
import com.tracecase.inventory.InventoryManagement;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import com.tracecase.workflow.StockVariables;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

import static com.tracecase.workflow.FailureCaseProcess.*;
import static com.tracecase.workflow.ProcessVariables.requiredText;
import static com.tracecase.workflow.ProcessVariables.text;

/**
 * Task_EstimateCosts: prices repair and replacement and re-checks stock for the part QC
 * named, the inputs of the repair-or-replace decision.
 */
@Component("estimateCosts")
class EstimateCostsDelegate implements JavaDelegate {

	private final Genealogy genealogy;

	private final WarrantyCosts costs;

	private final InventoryManagement inventory;

	EstimateCostsDelegate(Genealogy genealogy, WarrantyCosts costs, InventoryManagement inventory) {
		this.genealogy = genealogy;
		this.costs = costs;
		this.inventory = inventory;
	}

	@Override
	public void execute(DelegateExecution execution) {
		List<BigDecimal> partCosts = new ArrayList<>();
		String suspectPart = text(execution, VAR_SUSPECT_PART_NUMBER);
		if (suspectPart != null) {
			genealogy.findPart(suspectPart).map(Part::unitCost).ifPresent(partCosts::add);
		}
		BigDecimal productCost = genealogy.findPart(requiredText(execution, VAR_PRODUCT_PART_NUMBER))
			.map(Part::unitCost)
			.orElse(BigDecimal.ZERO);
		CostEstimate estimate = costs.estimate(partCosts, productCost);
		execution.setVariable(VAR_LABOR_COST, estimate.laborCost().doubleValue());
		execution.setVariable(VAR_PARTS_COST, estimate.partsCost().doubleValue());
		execution.setVariable(VAR_REPLACEMENT_UNIT_COST, estimate.replacementUnitCost().doubleValue());
		execution.setVariable(VAR_SHIPPING_COST, estimate.shippingCost().doubleValue());
		execution.setVariable(VAR_REFUND_AMOUNT, estimate.refundAmount().doubleValue());
		execution.setVariable(VAR_REPAIR_COST, estimate.repairCost().doubleValue());
		execution.setVariable(VAR_REPLACEMENT_COST, estimate.replacementCost().doubleValue());
		execution.setVariable(VAR_REPAIR_COST_RATIO, estimate.repairToReplacementRatio());
		execution.setVariable(VAR_CURRENCY, costs.currency());

		StockVariables.check(inventory, execution);
	}

}
