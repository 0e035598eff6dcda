package com.tracecase.workflow.resolution;

import java.util.ArrayList;
import java.util.List;

import com.tracecase.finance.CostKind;
import com.tracecase.finance.CostLine;
import com.tracecase.finance.WarrantyLedger;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

import static com.tracecase.workflow.FailureCaseProcess.*;
import static com.tracecase.workflow.ProcessVariables.flag;
import static com.tracecase.workflow.ProcessVariables.money;
import static com.tracecase.workflow.ProcessVariables.requiredText;

/**
 * Task_PostWarrantyCost: books the case's costs in the warranty ledger, once per case.
 */
@Component("postWarrantyCost")
class PostWarrantyCostDelegate implements JavaDelegate {

	private final WarrantyLedger ledger;

	PostWarrantyCostDelegate(WarrantyLedger ledger) {
		this.ledger = ledger;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String caseNumber = requiredText(execution, VAR_CASE_NUMBER);
		String action = requiredText(execution, VAR_ACTION);
		List<CostLine> lines = new ArrayList<>();
		switch (action) {
			case "REPAIR" -> {
				lines
					.add(new CostLine(CostKind.LABOR, money(execution, VAR_LABOR_COST), "Repair labor, " + caseNumber));
				lines.add(new CostLine(CostKind.PARTS, money(execution, VAR_PARTS_COST),
						"Parts from lot " + execution.getVariable(VAR_INSTALLED_LOT_CODE) + ", " + caseNumber));
				lines.add(new CostLine(CostKind.SHIPPING, money(execution, VAR_SHIPPING_COST),
						"Return shipment, " + caseNumber));
			}
			case "REPLACE" -> {
				lines.add(new CostLine(CostKind.REPLACEMENT_UNIT, money(execution, VAR_REPLACEMENT_UNIT_COST),
						"Replacement unit " + execution.getVariable(VAR_REPLACEMENT_SERIAL) + ", " + caseNumber));
				lines.add(new CostLine(CostKind.SHIPPING, money(execution, VAR_SHIPPING_COST),
						"Replacement shipment, " + caseNumber));
			}
			case "REFUND" -> lines.add(new CostLine(CostKind.REFUND, money(execution, VAR_REFUND_AMOUNT),
					"Refund of the purchase, " + caseNumber));
			default -> {
				// a denied claim costs nothing
			}
		}
		ledger.post(caseNumber, lines, flag(execution, VAR_CUSTOMER_CHARGED));
	}

}
