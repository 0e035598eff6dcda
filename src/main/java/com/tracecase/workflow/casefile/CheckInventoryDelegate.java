package com.tracecase.workflow.casefile;

import com.tracecase.inventory.InventoryManagement;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import com.tracecase.workflow.StockVariables;

import org.springframework.stereotype.Component;

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
		StockVariables.check(inventory, execution);
	}

}
