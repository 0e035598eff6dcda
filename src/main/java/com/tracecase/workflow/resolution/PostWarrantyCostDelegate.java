package com.tracecase.workflow.resolution;

import com.tracecase.finance.Remedy;
import com.tracecase.finance.WarrantyLedger;
import com.tracecase.workflow.CostVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

import static com.tracecase.workflow.FailureCaseProcess.VAR_ACTION;
import static com.tracecase.workflow.FailureCaseProcess.VAR_CASE_NUMBER;
import static com.tracecase.workflow.FailureCaseProcess.VAR_CUSTOMER_CHARGED;
import static com.tracecase.workflow.FailureCaseProcess.VAR_INSTALLED_LOT_CODE;
import static com.tracecase.workflow.FailureCaseProcess.VAR_REPLACEMENT_SERIAL;
import static com.tracecase.workflow.ProcessVariables.flag;
import static com.tracecase.workflow.ProcessVariables.requiredText;
import static com.tracecase.workflow.ProcessVariables.text;

/** Task_PostWarrantyCost: posts the remedy's cost to the warranty ledger. */
@Component("postWarrantyCost")
class PostWarrantyCostDelegate implements JavaDelegate {

	private final WarrantyLedger ledger;

	PostWarrantyCostDelegate(WarrantyLedger ledger) {
		this.ledger = ledger;
	}

	@Override
	public void execute(DelegateExecution execution) {
		ledger.postRemedy(requiredText(execution, VAR_CASE_NUMBER), Remedy.of(VAR_ACTION, text(execution, VAR_ACTION)),
				CostVariables.read(execution), flag(execution, VAR_CUSTOMER_CHARGED),
				text(execution, VAR_INSTALLED_LOT_CODE), text(execution, VAR_REPLACEMENT_SERIAL));
	}

}
