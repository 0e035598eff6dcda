package com.tracecase.workflow.supplier;

import com.tracecase.quality.SupplierManagement;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * Task_RemindSupplier (supplier action): the 8D answer is still due; the supplier's
 * contact is reminded. Each firing of the timer runs in an execution of its own, so a
 * retried step mails once and the next firing mails again.
 */
@Component("remindSupplier")
class RemindSupplierDelegate implements JavaDelegate {

	private final SupplierManagement suppliers;

	RemindSupplierDelegate(SupplierManagement suppliers) {
		this.suppliers = suppliers;
	}

	@Override
	public void execute(DelegateExecution execution) {
		suppliers.remind(SupplierActionVariables.actionId(execution), execution.getId());
	}

}
