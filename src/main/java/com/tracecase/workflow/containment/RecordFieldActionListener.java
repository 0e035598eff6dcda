package com.tracecase.workflow.containment;

import com.tracecase.quality.QualityManagement;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import org.springframework.stereotype.Component;

import static com.tracecase.workflow.FailureCaseProcess.*;
import static com.tracecase.workflow.ProcessVariables.flag;
import static com.tracecase.workflow.ProcessVariables.requiredText;
import static com.tracecase.workflow.ProcessVariables.text;

/**
 * Completion of Task_ApproveFieldAction (containment): records the managers' decision on
 * a field action or recall.
 */
@Component("recordFieldAction")
class RecordFieldActionListener implements TaskListener {

	private final QualityManagement quality;

	RecordFieldActionListener(QualityManagement quality) {
		this.quality = quality;
	}

	@Override
	public void notify(DelegateTask task) {
		quality.decideFieldAction(requiredText(task, VAR_CASE_NUMBER), flag(task, VAR_FIELD_ACTION_APPROVED),
				text(task, VAR_FIELD_ACTION_NOTES), task.getAssignee() != null ? task.getAssignee() : "managers");
	}

}
