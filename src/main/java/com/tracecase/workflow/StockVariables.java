package com.tracecase.workflow;

import java.util.List;
import java.util.stream.Collectors;

import com.tracecase.inventory.InventoryManagement;
import com.tracecase.inventory.PartStock;
import com.tracecase.inventory.StockCheck;
import org.camunda.bpm.engine.delegate.DelegateExecution;

import static com.tracecase.workflow.FailureCaseProcess.*;
import static com.tracecase.workflow.ProcessVariables.requiredText;
import static com.tracecase.workflow.ProcessVariables.text;

/**
 * Checks stock for the case's suspect part and product and keeps the answer in process
 * variables (availability for the decision table, a summary for QC's form). Used by
 * Task_CheckInventory and again by Task_EstimateCosts, once QC has named the suspect
 * part.
 */
public final class StockVariables {

	private StockVariables() {
	}

	public static StockCheck check(InventoryManagement inventory, DelegateExecution execution) {
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
				: stock.repairParts().stream().map(StockVariables::line).collect(Collectors.joining("; "));
		return "Repair parts: " + parts + ". Replacement units: " + line(stock.replacementUnits()) + ".";
	}

	private static String line(PartStock stock) {
		String lots = stock.lots().stream().limit(3).map(lot -> lot.lotCode()).collect(Collectors.joining(", "));
		return stock.partNumber() + " " + stock.quantity().stripTrailingZeros().toPlainString() + " on hand"
				+ (lots.isEmpty() ? "" : " (" + lots + (stock.lotCount() > 3 ? ", …" : "") + ")");
	}

}
