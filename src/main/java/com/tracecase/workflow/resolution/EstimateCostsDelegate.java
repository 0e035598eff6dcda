package com.tracecase.workflow.resolution;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.tracecase.finance.CostEstimate;
import com.tracecase.finance.WarrantyCosts;
import com.tracecase.genealogy.Genealogy;
import com.tracecase.genealogy.Part;
import com.tracecase.inventory.InventoryManagement;
import com.tracecase.workflow.CostVariables;
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
		CostVariables.write(execution, estimate);
		execution.setVariable(VAR_CURRENCY, costs.currency());

		StockVariables.check(inventory, execution);
	}

}
