package com.tracecase.workflow.containment;

import java.util.List;

import com.tracecase.quality.Containment;
import com.tracecase.quality.QualityManagement;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

import static com.tracecase.workflow.FailureCaseProcess.*;
import static com.tracecase.workflow.ProcessVariables.requiredText;
import static com.tracecase.workflow.ProcessVariables.text;

/**
 * Task_QuarantineStock (containment): holds back every lot built from the suspect lot
 * that is still ours, and counts and lists the shipped units at risk. The containment is
 * the one of the process's business key: a case's, or a lot's own.
 */
@Component("quarantineStock")
class QuarantineStockDelegate implements JavaDelegate {

	private final QualityManagement quality;

	QuarantineStockDelegate(QualityManagement quality) {
		this.quality = quality;
	}

	/** Serial numbers listed on the form; a string variable holds 4000 characters. */
	private static final int LISTED = 150;

	@Override
	public void execute(DelegateExecution execution) {
		String requestedBy = text(execution, VAR_CONTAINMENT_REQUESTED_BY);
		Containment containment = quality.contain(execution.getProcessBusinessKey(),
				requiredText(execution, VAR_SUSPECT_LOT_CODE), requestedBy != null ? requestedBy : "qc");
		List<String> atRisk = containment.getShippedSerialsAtRisk();
		execution.setVariable(VAR_QUARANTINED_LOT_COUNT, containment.getQuarantinedLots().size());
		execution.setVariable(VAR_SHIPPED_AT_RISK_COUNT, atRisk.size());
		String list = String.join("\n", atRisk.subList(0, Math.min(LISTED, atRisk.size())));
		execution.setVariable(VAR_SHIPPED_AT_RISK_LIST, atRisk.size() > LISTED
				? list + "\n… and " + (atRisk.size() - LISTED) + " more: see the lot's page" : list);
	}

}
