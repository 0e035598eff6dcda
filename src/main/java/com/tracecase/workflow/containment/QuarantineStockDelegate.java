package com.tracecase.workflow.containment;

import com.tracecase.quality.Containment;
import com.tracecase.quality.QualityManagement;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

import static com.tracecase.workflow.FailureCaseProcess.*;
import static com.tracecase.workflow.ProcessVariables.requiredText;

/**
 * Task_QuarantineStock (containment): holds back every lot built from the suspect lot
 * that is still ours, and counts the shipped units at risk.
 */
@Component("quarantineStock")
class QuarantineStockDelegate implements JavaDelegate {

	private final QualityManagement quality;

	QuarantineStockDelegate(QualityManagement quality) {
		this.quality = quality;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Containment containment = quality.contain(requiredText(execution, VAR_CASE_NUMBER),
				requiredText(execution, VAR_SUSPECT_LOT_CODE), "qc");
		execution.setVariable(VAR_QUARANTINED_LOT_COUNT, containment.getQuarantinedLots().size());
		execution.setVariable(VAR_SHIPPED_AT_RISK_COUNT, containment.getShippedSerialsAtRisk().size());
	}

}
