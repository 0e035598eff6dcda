package com.tracecase.workflow.supplier;

import com.tracecase.quality.SupplierCorrectiveAction;
import com.tracecase.quality.SupplierManagement;
import com.tracecase.workflow.TaskActors;
import com.tracecase.workflow.TaskVerdicts;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import org.springframework.stereotype.Component;

import static com.tracecase.workflow.ProcessVariables.text;
import static com.tracecase.workflow.SupplierActionProcess.VAR_ANSWER_VERDICT;
import static com.tracecase.workflow.SupplierActionProcess.VAR_ANSWER_VERIFIED;
import static com.tracecase.workflow.SupplierActionProcess.VAR_REJECTION_REASON;

/**
 * Completion of Task_VerifyAnswer (supplier action): QC's verdict on the answer. Verified
 * closes the action and thanks the supplier; a rejection mails the supplier the reason
 * and a new answer is due.
 */
@Component("recordSupplierAnswerVerdict")
class RecordSupplierAnswerVerdictListener implements TaskListener {

	private final SupplierManagement suppliers;

	RecordSupplierAnswerVerdictListener(SupplierManagement suppliers) {
		this.suppliers = suppliers;
	}

	@Override
	public void notify(DelegateTask task) {
		Boolean verified = TaskVerdicts.approved(task, VAR_ANSWER_VERDICT);
		SupplierCorrectiveAction action = suppliers.decideAnswer(SupplierActionVariables.actionId(task), verified,
				text(task, VAR_REJECTION_REASON), TaskActors.completedBy(task));
		task.setVariable(VAR_ANSWER_VERIFIED, verified);
		SupplierActionVariables.answerDue(task, action);
	}

}
