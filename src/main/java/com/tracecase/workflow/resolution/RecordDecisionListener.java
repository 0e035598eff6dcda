package com.tracecase.workflow.resolution;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import com.tracecase.casework.CaseManagement;
import com.tracecase.finance.WarrantyCosts;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

import org.springframework.stereotype.Component;

import static com.tracecase.workflow.FailureCaseProcess.*;
import static com.tracecase.workflow.ProcessVariables.flag;
import static com.tracecase.workflow.ProcessVariables.money;
import static com.tracecase.workflow.ProcessVariables.requiredText;
import static com.tracecase.workflow.ProcessVariables.text;

/**
 * End of Task_DecideRemedy (the repair-or-replace decision table): keeps the decision
 * with its inputs on the case and works out whether finance must approve it.
 */
@Component("recordDecision")
class RecordDecisionListener implements ExecutionListener {

	private static final String[] INPUTS = { VAR_WARRANTY_STATUS, VAR_UNIT_AGE_MONTHS, VAR_REPAIR_COST,
			VAR_REPLACEMENT_COST, VAR_REPAIR_COST_RATIO, VAR_REPAIR_PARTS_AVAILABLE, VAR_REPLACEMENT_AVAILABLE,
			VAR_CUSTOMER_TIER };

	private final CaseManagement cases;

	private final WarrantyCosts costs;

	RecordDecisionListener(CaseManagement cases, WarrantyCosts costs) {
		this.cases = cases;
		this.costs = costs;
	}

	@Override
	public void notify(DelegateExecution execution) {
		String action = requiredText(execution, VAR_ACTION);
		boolean charged = flag(execution, VAR_CUSTOMER_CHARGED);
		BigDecimal cost = switch (action) {
			case "REPAIR" -> money(execution, VAR_REPAIR_COST);
			case "REPLACE" -> money(execution, VAR_REPLACEMENT_COST);
			case "REFUND" -> money(execution, VAR_REFUND_AMOUNT);
			default -> BigDecimal.ZERO;
		};
		execution.setVariable(VAR_DECIDED_COST, cost.doubleValue());
		execution.setVariable(VAR_FINANCE_APPROVAL_NEEDED,
				!"ESCALATE".equals(action) && costs.needsApproval(cost, charged, "REFUND".equals(action)));

		Map<String, Object> inputs = new LinkedHashMap<>();
		for (String input : INPUTS) {
			inputs.put(input, execution.getVariable(input));
		}
		inputs.put(VAR_CUSTOMER_CHARGED, charged);
		cases.recordDecision(requiredText(execution, VAR_CASE_NUMBER), action, text(execution, VAR_DECISION_REASON),
				inputs, "repair-or-replace decision table");
	}

}
