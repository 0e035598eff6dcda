package com.tracecase.workflow.resolution;

import com.tracecase.casework.CaseManagement;
import com.tracecase.casework.Duties;
import com.tracecase.workflow.TaskActors;
import com.tracecase.workflow.TaskVerdicts;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import org.springframework.stereotype.Component;

import static com.tracecase.workflow.FailureCaseProcess.VAR_CASE_NUMBER;
import static com.tracecase.workflow.FailureCaseProcess.VAR_CUSTOMER_CHARGED;
import static com.tracecase.workflow.FailureCaseProcess.VAR_FINANCE_APPROVED;
import static com.tracecase.workflow.FailureCaseProcess.VAR_FINANCE_COMMENT;
import static com.tracecase.workflow.FailureCaseProcess.VAR_FINANCE_VERDICT;
import static com.tracecase.workflow.ProcessVariables.requiredText;
import static com.tracecase.workflow.ProcessVariables.text;

/**
 * Completion of Task_ApproveCost: finance chooses approve or reject explicitly, a
 * rejection says why, and the decision's charge to the customer stays as decided. Only
 * finance approves, never who filed the report or confirmed the failure ({@link Duties}).
 */
@Component("recordCostApproval")
class RecordCostApprovalListener implements TaskListener {

	private final CaseManagement cases;

	private final Duties duties;

	RecordCostApprovalListener(CaseManagement cases, Duties duties) {
		this.cases = cases;
		this.duties = duties;
	}

	@Override
	public void notify(DelegateTask task) {
		duties.checkMayApproveCost(requiredText(task, VAR_CASE_NUMBER), TaskActors.signedInUser(task),
				TaskActors.signedInGroups(task));
		Boolean approved = TaskVerdicts.approved(task, VAR_FINANCE_VERDICT);
		Object charged = task.getVariable(VAR_CUSTOMER_CHARGED);
		cases.recordCostApproval(requiredText(task, VAR_CASE_NUMBER), approved, text(task, VAR_FINANCE_COMMENT),
				charged == null ? null : Boolean.valueOf(charged.toString()), TaskActors.completedBy(task));
		task.setVariable(VAR_FINANCE_APPROVED, approved);
	}

}
