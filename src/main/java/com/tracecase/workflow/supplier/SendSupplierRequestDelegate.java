package com.tracecase.workflow.supplier;

import com.tracecase.quality.SupplierActionStatus;
import com.tracecase.quality.SupplierCorrectiveAction;
import com.tracecase.quality.SupplierManagement;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

import static com.tracecase.workflow.SupplierActionProcess.VAR_REQUEST_SENT;

/**
 * Task_SendRequest (supplier action): mails the request to the supplier's contact with
 * the date the 8D answer is due; without a contact email, QC is asked to add one.
 */
@Component("sendSupplierRequest")
class SendSupplierRequestDelegate implements JavaDelegate {

	private final SupplierManagement suppliers;

	SendSupplierRequestDelegate(SupplierManagement suppliers) {
		this.suppliers = suppliers;
	}

	@Override
	public void execute(DelegateExecution execution) {
		SupplierCorrectiveAction action = suppliers.sendRequest(SupplierActionVariables.actionId(execution));
		execution.setVariable(VAR_REQUEST_SENT, action.getStatus() != SupplierActionStatus.CONTACT_NEEDED);
		SupplierActionVariables.answerDue(execution, action);
	}

}
