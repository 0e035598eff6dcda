package com.tracecase.workflow.supplier;

import com.tracecase.quality.QualityProperties;
import com.tracecase.quality.SupplierActionRequested;
import com.tracecase.quality.SupplierCorrectiveAction;
import com.tracecase.quality.SupplierManagement;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import static com.tracecase.workflow.SupplierActionProcess.*;

/**
 * Starts the process of a supplier corrective action in the transaction that records it:
 * the action and its process commit together. Its first step (mailing the request) runs
 * asynchronously.
 */
@Component
class StartSupplierActionProcess {

	private final RuntimeService runtimeService;

	private final SupplierManagement suppliers;

	private final QualityProperties properties;

	StartSupplierActionProcess(RuntimeService runtimeService, SupplierManagement suppliers,
			QualityProperties properties) {
		this.runtimeService = runtimeService;
		this.suppliers = suppliers;
		this.properties = properties;
	}

	@EventListener
	void on(SupplierActionRequested event) {
		SupplierCorrectiveAction action = suppliers.action(event.actionId());
		VariableMap variables = Variables.createVariables()
			.putValue(VAR_SUPPLIER_ACTION_ID, action.getId())
			.putValue(VAR_REFERENCE, action.getReference())
			.putValue(VAR_SUPPLIER, action.getSupplier())
			.putValue(VAR_LOT_CODE, action.getLotCode())
			.putValue(VAR_PART_NUMBER, action.getPartNumber())
			.putValue(VAR_FINDING, action.getFinding())
			.putValue(VAR_REMINDER_CYCLE, "R/" + properties.supplierReminderEvery());
		if (action.getCaseNumber() != null) {
			variables.putValue(VAR_CASE_NUMBER, action.getCaseNumber());
		}
		runtimeService.startProcessInstanceByKey(PROCESS_KEY, action.getReference(), variables);
	}

}
