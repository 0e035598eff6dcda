package com.tracecase.workflow.casefile;

import java.util.List;
import java.util.stream.Collectors;

import com.tracecase.inventory.InventoryManagement;
import com.tracecase.inventory.PartStock;
import com.tracecase.inventory.StockCheck;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

import static com.tracecase.workflow.FailureCaseProcess.*;
import static com.tracecase.workflow.Variables.requiredText;
import static com.tracecase.workflow.Variables.text;

/**
 * Task_CheckInventory (and again in Task_EstimateCosts, once QC named the suspect part):
 * repair parts for the suspect part, never from the suspect lot, and replacement units of
 * the product.
 */
@Component("checkInventory")
class CheckInventoryDelegate implements JavaDelegate {

	private final InventoryManagement inventory;

	CheckInventoryDelegate(InventoryManagement inventory) {
		this.inventory = inventory;
	}

	@Override
	public void execute(DelegateExecution execution) {
		check(inventory, execution);
	}

	static StockCheck check(InventoryManagement inventory, DelegateExecution execution) {
		String suspectPart = text(execution, VAR_SUSPECT_PART_NUMBER);
		String suspectLot = text(execution, VAR_SUSPECT_LOT_CODE);
		StockCheck stock = inventory.check(requiredText(execution, VAR_PRODUCT_PART_NUMBER),
				suspectPart == null ? List.of() : List.of(suspectPart),
				suspectLot == null ? List.of() : List.of(suspectLot));
		execution.setVariable(VAR_REPAIR_PARTS_AVAILABLE, stock.repairPartsAvailable());
		execution.setVariable(VAR_REPLACEMENT_AVAILABLE, stock.replacementAvailable());
		execution.setVariable(VAR_STOCK_SUMMARY, summary(stock));
		return stock;
	}

	private static String summary(StockCheck stock) {
		String parts = stock.repairParts().isEmpty() ? "no suspect part named"
				: stock.repairParts().stream().map(CheckInventoryDelegate::line).collect(Collectors.joining("; "));
		return "Repair parts: " + parts + ". Replacement units: " + line(stock.replacementUnits()) + ".";
	}

	private static String line(PartStock stock) {
		String lots = stock.lots().stream().limit(3).map(lot -> lot.lotCode()).collect(Collectors.joining(", "));
		return stock.partNumber() + " " + stock.quantity().stripTrailingZeros().toPlainString() + " on hand"
				+ (lots.isEmpty() ? "" : " (" + lots + (stock.lots().size() > 3 ? ", …" : "") + ")");
	}

}
