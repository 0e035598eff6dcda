package com.tracecase.workflow.resolution;

import com.tracecase.genealogy.ReturnedMaterial;
import com.tracecase.workflow.TaskActors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import org.springframework.stereotype.Component;

import static com.tracecase.workflow.FailureCaseProcess.VAR_CASE_NUMBER;
import static com.tracecase.workflow.FailureCaseProcess.VAR_SERIAL_NUMBER;
import static com.tracecase.workflow.FailureCaseProcess.VAR_UNIT_DISPOSED_BY;
import static com.tracecase.workflow.FailureCaseProcess.VAR_UNIT_DISPOSITION;
import static com.tracecase.workflow.FailureCaseProcess.VAR_UNIT_LOCATION;
import static com.tracecase.workflow.FailureCaseProcess.VAR_UNIT_NOTES;
import static com.tracecase.workflow.ProcessVariables.requiredText;
import static com.tracecase.workflow.ProcessVariables.text;

/**
 * Completion of Task_DisposeReturnedUnit: the replaced unit is back and goes to the
 * chosen disposition, carrying its case, in the task's transaction; a disposition that is
 * not one keeps the task open with the reason and writes nothing.
 */
@Component("disposeReturnedUnit")
class DisposeReturnedUnitListener implements TaskListener {

	private final ReturnedMaterial returnedMaterial;

	DisposeReturnedUnitListener(ReturnedMaterial returnedMaterial) {
		this.returnedMaterial = returnedMaterial;
	}

	@Override
	public void notify(DelegateTask task) {
		String by = TaskActors.completedBy(task);
		returnedMaterial.disposeReturnedUnit(requiredText(task, VAR_CASE_NUMBER), requiredText(task, VAR_SERIAL_NUMBER),
				text(task, VAR_UNIT_DISPOSITION), text(task, VAR_UNIT_LOCATION), by, text(task, VAR_UNIT_NOTES));
		task.setVariable(VAR_UNIT_DISPOSED_BY, by);
	}

}
