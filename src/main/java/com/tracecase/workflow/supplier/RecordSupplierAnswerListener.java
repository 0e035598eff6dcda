package com.tracecase.workflow.supplier;

import com.tracecase.quality.EightDAnswer;
import com.tracecase.quality.SupplierManagement;
import com.tracecase.workflow.TaskActors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import org.springframework.stereotype.Component;

import static com.tracecase.workflow.ProcessVariables.text;
import static com.tracecase.workflow.SupplierActionProcess.*;

/**
 * Completion of Task_RecordAnswer (supplier action): records the supplier's 8D answer; QC
 * verifies it next.
 */
@Component("recordSupplierAnswer")
class RecordSupplierAnswerListener implements TaskListener {

	private final SupplierManagement suppliers;

	RecordSupplierAnswerListener(SupplierManagement suppliers) {
		this.suppliers = suppliers;
	}

	@Override
	public void notify(DelegateTask task) {
		suppliers.recordAnswer(SupplierActionVariables.actionId(task),
				new EightDAnswer(text(task, VAR_CONTAINMENT_ACTION), text(task, VAR_ROOT_CAUSE),
						text(task, VAR_CORRECTIVE_ACTION), text(task, VAR_PREVENTIVE_ACTION)),
				TaskActors.completedBy(task));
		// the verdict of an earlier answer is no verdict on this one
		task.setVariable(VAR_ANSWER_VERDICT, null);
	}

}
