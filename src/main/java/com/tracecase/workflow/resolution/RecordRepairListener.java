package com.tracecase.workflow.resolution;

import com.tracecase.genealogy.Disposal;
import com.tracecase.inventory.InventoryManagement;
import com.tracecase.workflow.TaskActors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import org.springframework.stereotype.Component;

import static com.tracecase.workflow.FailureCaseProcess.VAR_CASE_NUMBER;
import static com.tracecase.workflow.FailureCaseProcess.VAR_INSTALLED_LOT_CODE;
import static com.tracecase.workflow.FailureCaseProcess.VAR_REMOVED_LOT_CODE;
import static com.tracecase.workflow.FailureCaseProcess.VAR_REMOVED_PART_DISPOSITION;
import static com.tracecase.workflow.FailureCaseProcess.VAR_REMOVED_PART_LOCATION;
import static com.tracecase.workflow.FailureCaseProcess.VAR_REMOVED_PART_LOT_CODE;
import static com.tracecase.workflow.FailureCaseProcess.VAR_REPAIRED_BY;
import static com.tracecase.workflow.FailureCaseProcess.VAR_REPAIR_NOTES;
import static com.tracecase.workflow.FailureCaseProcess.VAR_SERIAL_NUMBER;
import static com.tracecase.workflow.ProcessVariables.requiredText;
import static com.tracecase.workflow.ProcessVariables.text;

/**
 * Completion of Task_RepairUnit: records the repair in the unit's genealogy, using the
 * reserved part, and books the removed part into a lot of its own with the chosen
 * disposition, in the same transaction, so lots that do not exist, do not fit or are held
 * for other cases, or a disposition that is not one, refuse the completion and the task
 * stays open with the reason.
 */
@Component("recordRepair")
class RecordRepairListener implements TaskListener {

	private final InventoryManagement inventory;

	RecordRepairListener(InventoryManagement inventory) {
		this.inventory = inventory;
	}

	@Override
	public void notify(DelegateTask task) {
		String caseNumber = requiredText(task, VAR_CASE_NUMBER);
		String notes = text(task, VAR_REPAIR_NOTES);
		String repairedBy = TaskActors.completedBy(task);
		Disposal removedPart = inventory.repair(caseNumber, requiredText(task, VAR_SERIAL_NUMBER),
				text(task, VAR_REMOVED_LOT_CODE), text(task, VAR_INSTALLED_LOT_CODE),
				text(task, VAR_REMOVED_PART_DISPOSITION), text(task, VAR_REMOVED_PART_LOCATION), repairedBy,
				"Repair for case " + caseNumber + (notes == null ? "" : ": " + notes));
		task.setVariable(VAR_REPAIRED_BY, repairedBy);
		task.setVariable(VAR_REMOVED_PART_LOT_CODE, removedPart.lotCode());
	}

}
