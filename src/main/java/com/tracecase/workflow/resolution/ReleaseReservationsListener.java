package com.tracecase.workflow.resolution;

import com.tracecase.inventory.InventoryManagement;
import com.tracecase.workflow.TaskActors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

import org.springframework.stereotype.Component;

import static com.tracecase.workflow.FailureCaseProcess.VAR_CASE_NUMBER;
import static com.tracecase.workflow.ProcessVariables.text;

/**
 * End of a failure case, however it ends (closed, denied, no fault found, cancelled):
 * what the case still holds in stock goes back, so no reservation outlives its case.
 */
@Component("releaseReservations")
class ReleaseReservationsListener implements ExecutionListener {

	private final InventoryManagement inventory;

	ReleaseReservationsListener(InventoryManagement inventory) {
		this.inventory = inventory;
	}

	@Override
	public void notify(DelegateExecution execution) {
		String caseNumber = text(execution, VAR_CASE_NUMBER);
		if (caseNumber != null) {
			inventory.release(caseNumber, TaskActors.SYSTEM, "Case " + caseNumber + " ended without using it.");
		}
	}

}
