package com.tracecase.workflow.resolution;

import com.tracecase.genealogy.LotManagement;
import com.tracecase.workflow.TaskActors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import org.springframework.stereotype.Component;

import static com.tracecase.workflow.FailureCaseProcess.VAR_CASE_NUMBER;
import static com.tracecase.workflow.FailureCaseProcess.VAR_DEVICE_LOT_CODE;
import static com.tracecase.workflow.FailureCaseProcess.VAR_RECEIPT_NOTES;
import static com.tracecase.workflow.FailureCaseProcess.VAR_RECEIVED_BY;
import static com.tracecase.workflow.ProcessVariables.requiredText;
import static com.tracecase.workflow.ProcessVariables.text;

/**
 * Completion of Task_ReceiveUnit: production books the customer's unit in; the device is
 * returned in the genealogy by whoever completed the task.
 */
@Component("registerReturn")
class RegisterReturnListener implements TaskListener {

	private final LotManagement lots;

	RegisterReturnListener(LotManagement lots) {
		this.lots = lots;
	}

	@Override
	public void notify(DelegateTask task) {
		String by = TaskActors.completedBy(task);
		String notes = text(task, VAR_RECEIPT_NOTES);
		lots.receiveReturn(requiredText(task, VAR_DEVICE_LOT_CODE), by, "Returned for repair, case "
				+ requiredText(task, VAR_CASE_NUMBER) + (notes == null ? "" : ": " + notes));
		task.setVariable(VAR_RECEIVED_BY, by);
	}

}
