package com.tracecase.workflow.resolution;

import java.util.LinkedHashMap;
import java.util.Map;

import com.tracecase.casework.CaseManagement;
import com.tracecase.finance.CostEstimate;
import com.tracecase.finance.Remedy;
import com.tracecase.finance.RemedyCost;
import com.tracecase.finance.WarrantyCosts;
import com.tracecase.workflow.CostVariables;
import com.tracecase.workflow.DisplayVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

import org.springframework.stereotype.Component;

import static com.tracecase.workflow.FailureCaseProcess.*;
import static com.tracecase.workflow.ProcessVariables.flag;
import static com.tracecase.workflow.ProcessVariables.requiredText;
import static com.tracecase.workflow.ProcessVariables.text;

/**
 * Start of Gateway_ApprovalNeeded: keeps the decision table's remedy on the case with the
 * inputs it was made from, and asks finance for the cost and whether it must approve.
 */
@Component("recordDecision")
class RecordDecisionListener implements ExecutionListener {

	private static final String[] INPUTS = { VAR_WARRANTY_STATUS, VAR_UNIT_AGE_MONTHS, VAR_REPAIR_COST,
			VAR_REPLACEMENT_COST, VAR_REPAIR_COST_RATIO, VAR_REPAIR_PARTS_AVAILABLE, VAR_REPLACEMENT_AVAILABLE,
			VAR_CUSTOMER_TIER };

	/** Who decided, on the case: the table, not a person. */
	static final String DECISION_TABLE = "repair-or-replace decision table";

	private final CaseManagement cases;

	private final WarrantyCosts costs;

	RecordDecisionListener(CaseManagement cases, WarrantyCosts costs) {
		this.cases = cases;
		this.costs = costs;
	}

	@Override
	public void notify(DelegateExecution execution) {
		Remedy remedy = Remedy.of(VAR_ACTION, requiredText(execution, VAR_ACTION));
		boolean charged = flag(execution, VAR_CUSTOMER_CHARGED);
		CostEstimate estimate = CostVariables.read(execution);
		RemedyCost cost = costs.costOf(remedy, estimate, charged);
		execution.setVariable(VAR_DECIDED_COST, cost.amount().doubleValue());
		execution.setVariable(VAR_FINANCE_APPROVAL_NEEDED, cost.approvalNeeded());
		DisplayVariables.decision(execution, remedy, cost.amount(), cost.currency(), estimate, charged);

		Map<String, Object> inputs = new LinkedHashMap<>();
		for (String input : INPUTS) {
			inputs.put(input, execution.getVariable(input));
		}
		inputs.put(VAR_CUSTOMER_CHARGED, charged);
		cases.recordDecision(requiredText(execution, VAR_CASE_NUMBER), remedy, text(execution, VAR_DECISION_REASON),
				inputs, DECISION_TABLE);
	}

}
