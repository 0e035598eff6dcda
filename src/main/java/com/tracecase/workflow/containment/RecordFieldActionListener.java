package com.tracecase.workflow.containment;

import com.tracecase.quality.QualityManagement;
import com.tracecase.workflow.TaskActors;
import com.tracecase.workflow.TaskVerdicts;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import org.springframework.stereotype.Component;

import static com.tracecase.workflow.FailureCaseProcess.VAR_FIELD_ACTION_APPROVED;
import static com.tracecase.workflow.FailureCaseProcess.VAR_FIELD_ACTION_NOTES;
import static com.tracecase.workflow.FailureCaseProcess.VAR_FIELD_ACTION_VERDICT;
import static com.tracecase.workflow.ProcessVariables.text;

/**
 * Completion of Task_ApproveFieldAction (containment): records the managers' explicit
 * decision on a field action or recall.
 */
@Component("recordFieldAction")
class RecordFieldActionListener implements TaskListener {

	private final QualityManagement quality;

	RecordFieldActionListener(QualityManagement quality) {
		this.quality = quality;
	}

	@Override
	public void notify(DelegateTask task) {
		Boolean approved = TaskVerdicts.approved(task, VAR_FIELD_ACTION_VERDICT);
		quality.decideFieldAction(task.getExecution().getProcessBusinessKey(), approved,
				text(task, VAR_FIELD_ACTION_NOTES), TaskActors.completedBy(task));
		task.setVariable(VAR_FIELD_ACTION_APPROVED, approved);
	}

}
