package com.tracecase.workflow.resolution;

import com.tracecase.inventory.InventoryManagement;
import com.tracecase.workflow.TaskActors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import org.springframework.stereotype.Component;

import static com.tracecase.workflow.FailureCaseProcess.VAR_CASE_NUMBER;
import static com.tracecase.workflow.FailureCaseProcess.VAR_SHIPPED_BY;
import static com.tracecase.workflow.FailureCaseProcess.VAR_TRACKING_NUMBER;
import static com.tracecase.workflow.ProcessVariables.requiredText;
import static com.tracecase.workflow.ProcessVariables.text;

/**
 * Completion of Task_ShipReplacement: the reserved unit must still be reserved and the
 * shipment needs its tracking number; Task_RecordShipment then records it.
 */
@Component("checkShipment")
class CheckShipmentListener implements TaskListener {

	private final InventoryManagement inventory;

	CheckShipmentListener(InventoryManagement inventory) {
		this.inventory = inventory;
	}

	@Override
	public void notify(DelegateTask task) {
		inventory.checkReplacementShipment(requiredText(task, VAR_CASE_NUMBER), text(task, VAR_TRACKING_NUMBER));
		task.setVariable(VAR_SHIPPED_BY, TaskActors.completedBy(task));
	}

}
