package com.tracecase.workflow.resolution;

import com.tracecase.genealogy.Genealogy;
import com.tracecase.genealogy.LotManagement;
import com.tracecase.genealogy.LotStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

import org.springframework.stereotype.Component;

import static com.tracecase.workflow.FailureCaseProcess.*;
import static com.tracecase.workflow.ProcessVariables.requiredText;
import static com.tracecase.workflow.ProcessVariables.text;

/**
 * End of Msg_UnitReceived: the customer's unit is back with us.
 */
@Component("registerReturn")
class RegisterReturnListener implements ExecutionListener {

	private final LotManagement lots;

	RegisterReturnListener(LotManagement lots) {
		this.lots = lots;
	}

	@Override
	public void notify(DelegateExecution execution) {
		String by = text(execution, "receivedBy");
		lots.changeStatus(requiredText(execution, VAR_DEVICE_LOT_CODE), LotStatus.RETURNED,
				by == null ? "tracecase" : by, "Returned for repair, case " + requiredText(execution, VAR_CASE_NUMBER));
	}

}
