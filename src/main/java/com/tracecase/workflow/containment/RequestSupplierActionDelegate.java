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
 * the suspect lot's supplier.
 */
@Component("requestSupplierAction")
class RequestSupplierActionDelegate implements JavaDelegate {

	private final QualityManagement quality;

	RequestSupplierActionDelegate(QualityManagement quality) {
		this.quality = quality;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String failureMode = text(execution, VAR_FAILURE_MODE);
		String description = "Failure of unit " + requiredText(execution, VAR_SERIAL_NUMBER)
				+ (failureMode == null ? "" : " (" + failureMode + ")") + " traced to this lot; "
				+ execution.getVariable(VAR_SHIPPED_AT_RISK_COUNT) + " shipped units contain it.";
		quality.requestSupplierAction(requiredText(execution, VAR_CASE_NUMBER),
				requiredText(execution, VAR_SUSPECT_LOT_CODE), description);
	}

}
