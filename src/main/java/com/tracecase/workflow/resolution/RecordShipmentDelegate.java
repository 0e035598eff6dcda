package com.tracecase.workflow.resolution;

import com.tracecase.genealogy.LotManagement;
import com.tracecase.genealogy.LotStatus;
import com.tracecase.workflow.TaskActors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

import static com.tracecase.workflow.FailureCaseProcess.*;
import static com.tracecase.workflow.ProcessVariables.requiredText;
import static com.tracecase.workflow.ProcessVariables.text;

/**
 * Task_RecordShipment: the reserved replacement unit left for the customer.
 */
@Component("recordShipment")
class RecordShipmentDelegate implements JavaDelegate {

	private final LotManagement lots;

	RecordShipmentDelegate(LotManagement lots) {
		this.lots = lots;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String caseNumber = requiredText(execution, VAR_CASE_NUMBER);
		String tracking = text(execution, VAR_TRACKING_NUMBER);
		String reason = "Replacement for case " + caseNumber + " (unit " + requiredText(execution, VAR_SERIAL_NUMBER)
				+ ")" + (tracking == null ? "" : ", tracking " + tracking);
		String shippedBy = text(execution, VAR_SHIPPED_BY) == null ? TaskActors.SYSTEM
				: text(execution, VAR_SHIPPED_BY);
		lots.changeStatus(requiredText(execution, VAR_REPLACEMENT_LOT_CODE), LotStatus.SHIPPED, shippedBy, reason);
		lots.recordServiceEvent(requiredText(execution, VAR_SERIAL_NUMBER), "REPLACED",
				"Replaced by unit " + text(execution, VAR_REPLACEMENT_SERIAL) + " for case " + caseNumber, shippedBy);
	}

}
