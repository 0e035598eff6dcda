package com.tracecase.workflow.resolution;

import com.tracecase.genealogy.LotManagement;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

import static com.tracecase.workflow.FailureCaseProcess.*;
import static com.tracecase.workflow.ProcessVariables.requiredText;
import static com.tracecase.workflow.ProcessVariables.text;

/**
 * Task_RecordRepair: the swap production reported becomes part of the unit's genealogy
 * and service history.
 */
@Component("recordRepair")
class RecordRepairDelegate implements JavaDelegate {

	private final LotManagement lots;

	RecordRepairDelegate(LotManagement lots) {
		this.lots = lots;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String caseNumber = requiredText(execution, VAR_CASE_NUMBER);
		String notes = text(execution, VAR_REPAIR_NOTES);
		lots.recordRepair(requiredText(execution, VAR_SERIAL_NUMBER), requiredText(execution, VAR_REMOVED_LOT_CODE),
				requiredText(execution, VAR_INSTALLED_LOT_CODE), repairedBy(execution),
				"Repair for case " + caseNumber + (notes == null ? "" : ": " + notes));
	}

	private static String repairedBy(DelegateExecution execution) {
		String by = text(execution, "repairedBy");
		return by != null ? by : "production";
	}

}
