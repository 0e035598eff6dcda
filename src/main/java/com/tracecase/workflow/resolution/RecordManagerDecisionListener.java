package com.tracecase.workflow.resolution;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.tracecase.casework.CaseManagement;
import com.tracecase.shared.InvalidInputException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import org.springframework.stereotype.Component;

import static com.tracecase.workflow.FailureCaseProcess.*;
import static com.tracecase.workflow.ProcessVariables.requiredText;
import static com.tracecase.workflow.ProcessVariables.text;

/**
 * Completion of Task_ManagerDecision (an escalated decision or a cost finance rejected):
 * the manager's action replaces the table's, and the case keeps who decided and why.
 */
@Component("recordManagerDecision")
class RecordManagerDecisionListener implements TaskListener {

	private static final Set<String> ACTIONS = Set.of("REPAIR", "REPLACE", "REFUND", "DENY");

	private final CaseManagement cases;

	RecordManagerDecisionListener(CaseManagement cases) {
		this.cases = cases;
	}

	@Override
	public void notify(DelegateTask task) {
		String action = requiredText(task, VAR_MANAGER_ACTION);
		if (!ACTIONS.contains(action)) {
			throw new InvalidInputException(VAR_MANAGER_ACTION, "Choose one of " + ACTIONS + ".");
		}
		String notes = text(task, VAR_MANAGER_NOTES);
		Map<String, Object> inputs = new LinkedHashMap<>();
		inputs.put("previousAction", task.getVariable(VAR_ACTION));
		inputs.put(VAR_FINANCE_APPROVED, task.getVariable(VAR_FINANCE_APPROVED));
		inputs.put(VAR_FINANCE_COMMENT, task.getVariable(VAR_FINANCE_COMMENT));
		String reason = "Manager decision" + (notes == null ? "" : ": " + notes);
		task.setVariable(VAR_ACTION, action);
		task.setVariable(VAR_DECISION_REASON, reason);
		cases.recordDecision(requiredText(task, VAR_CASE_NUMBER), action, reason, inputs,
				task.getAssignee() != null ? task.getAssignee() : "managers");
	}

}
