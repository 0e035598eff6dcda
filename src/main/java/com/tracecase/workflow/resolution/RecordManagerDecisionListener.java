package com.tracecase.workflow.resolution;

import java.util.LinkedHashMap;
import java.util.Map;

import com.tracecase.casework.CaseManagement;
import com.tracecase.finance.Remedy;
import com.tracecase.workflow.DisplayVariables;
import com.tracecase.workflow.TaskActors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import org.springframework.stereotype.Component;

import static com.tracecase.workflow.FailureCaseProcess.*;
import static com.tracecase.workflow.ProcessVariables.requiredText;
import static com.tracecase.workflow.ProcessVariables.text;

/**
 * Completion of Task_ManagerDecision: the manager's remedy replaces the proposed one and
 * is kept on the case with what it was decided from.
 */
@Component("recordManagerDecision")
class RecordManagerDecisionListener implements TaskListener {

	private final CaseManagement cases;

	RecordManagerDecisionListener(CaseManagement cases) {
		this.cases = cases;
	}

	@Override
	public void notify(DelegateTask task) {
		Remedy remedy = Remedy.chosenByManager(VAR_MANAGER_ACTION, text(task, VAR_MANAGER_ACTION));
		Map<String, Object> inputs = new LinkedHashMap<>();
		inputs.put("previousAction", task.getVariable(VAR_ACTION));
		inputs.put(VAR_FINANCE_APPROVED, task.getVariable(VAR_FINANCE_APPROVED));
		inputs.put(VAR_FINANCE_COMMENT, task.getVariable(VAR_FINANCE_COMMENT));
		String reason = cases.recordManagerDecision(requiredText(task, VAR_CASE_NUMBER), remedy,
				text(task, VAR_MANAGER_NOTES), inputs, TaskActors.completedBy(task));
		task.setVariable(VAR_ACTION, remedy.name());
		task.setVariable(DisplayVariables.VAR_ACTION_LABEL, DisplayVariables.label(remedy));
		task.setVariable(VAR_DECISION_REASON, reason);
	}

}
