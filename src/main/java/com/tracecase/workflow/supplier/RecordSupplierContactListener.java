package com.tracecase.workflow.supplier;

import com.tracecase.quality.SupplierManagement;
import com.tracecase.workflow.TaskActors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import org.springframework.stereotype.Component;

import static com.tracecase.workflow.ProcessVariables.requiredText;
import static com.tracecase.workflow.ProcessVariables.text;
import static com.tracecase.workflow.SupplierActionProcess.VAR_CONTACT_EMAIL;
import static com.tracecase.workflow.SupplierActionProcess.VAR_CONTACT_NAME;
import static com.tracecase.workflow.SupplierActionProcess.VAR_SUPPLIER;

/**
 * Completion of Task_AddSupplierContact (supplier action): saves the contact QC entered
 * in the supplier master data (or accepts the one added there meanwhile); the request
 * goes out next.
 */
@Component("recordSupplierContact")
class RecordSupplierContactListener implements TaskListener {

	private final SupplierManagement suppliers;

	RecordSupplierContactListener(SupplierManagement suppliers) {
		this.suppliers = suppliers;
	}

	@Override
	public void notify(DelegateTask task) {
		suppliers.saveContact(requiredText(task, VAR_SUPPLIER), text(task, VAR_CONTACT_NAME),
				text(task, VAR_CONTACT_EMAIL), TaskActors.completedBy(task));
	}

}
