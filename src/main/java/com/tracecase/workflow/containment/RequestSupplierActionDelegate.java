package com.tracecase.workflow.containment;

import com.tracecase.quality.QualityManagement;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

import static com.tracecase.workflow.FailureCaseProcess.*;
import static com.tracecase.workflow.ProcessVariables.requiredText;
import static com.tracecase.workflow.ProcessVariables.text;

/**
 * Task_RequestSupplierAction (containment): records a corrective action request against
 * the suspect lot's supplier, saying what the case found or why the lot is contained.
 */
@Component("requestSupplierAction")
class RequestSupplierActionDelegate implements JavaDelegate {

	private final QualityManagement quality;

	RequestSupplierActionDelegate(QualityManagement quality) {
		this.quality = quality;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String serialNumber = text(execution, VAR_SERIAL_NUMBER);
		String failureMode = text(execution, VAR_FAILURE_MODE);
		String atRisk = execution.getVariable(VAR_SHIPPED_AT_RISK_COUNT) + " shipped units contain it.";
		String description = serialNumber != null
				? "Failure of unit " + serialNumber + (failureMode == null ? "" : " (" + failureMode + ")")
						+ " traced to this lot; " + atRisk
				: "Lot contained by " + requiredText(execution, VAR_CONTAINMENT_REQUESTED_BY) + ": "
						+ requiredText(execution, VAR_CONTAINMENT_REASON) + "; " + atRisk;
		quality.requestSupplierAction(execution.getProcessBusinessKey(), requiredText(execution, VAR_SUSPECT_LOT_CODE),
				description);
	}

}
