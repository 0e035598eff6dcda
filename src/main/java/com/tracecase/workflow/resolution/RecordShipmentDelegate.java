package com.tracecase.workflow.resolution;

import com.tracecase.inventory.InventoryManagement;
import com.tracecase.workflow.TaskActors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

import static com.tracecase.workflow.FailureCaseProcess.*;
import static com.tracecase.workflow.ProcessVariables.requiredText;
import static com.tracecase.workflow.ProcessVariables.text;

/**
 * Task_RecordShipment: the reserved replacement unit left for the customer; its
 * reservation is used.
 */
@Component("recordShipment")
class RecordShipmentDelegate implements JavaDelegate {

	private final InventoryManagement inventory;

	RecordShipmentDelegate(InventoryManagement inventory) {
		this.inventory = inventory;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String shippedBy = text(execution, VAR_SHIPPED_BY) == null ? TaskActors.SYSTEM
				: text(execution, VAR_SHIPPED_BY);
		inventory.shipReplacement(requiredText(execution, VAR_CASE_NUMBER), requiredText(execution, VAR_SERIAL_NUMBER),
				text(execution, VAR_TRACKING_NUMBER), shippedBy);
	}

}
