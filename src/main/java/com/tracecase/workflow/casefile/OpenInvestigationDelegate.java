package com.tracecase.workflow.casefile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.tracecase.quality.Investigation;
import com.tracecase.quality.InvestigationFacts;
import com.tracecase.quality.QualityManagement;
import com.tracecase.shared.Labels;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.Spin;

import org.springframework.stereotype.Component;

import static com.tracecase.workflow.FailureCaseProcess.*;
import static com.tracecase.workflow.ProcessVariables.date;
import static com.tracecase.workflow.ProcessVariables.requiredText;

/**
 * Task_OpenInvestigation: opens the case's QC investigation and hands QC's form its
 * facts, the lot signal, the unit's lots to choose the suspect from, and the suspect to
 * start from when the evidence names one.
 */
@Component("openInvestigation")
class OpenInvestigationDelegate implements JavaDelegate {

	private final QualityManagement quality;

	OpenInvestigationDelegate(QualityManagement quality) {
		this.quality = quality;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Investigation investigation = quality.openInvestigation(requiredText(execution, VAR_CASE_NUMBER),
				requiredText(execution, VAR_SERIAL_NUMBER), date(execution, VAR_PURCHASE_DATE));
		InvestigationFacts facts = investigation.getFacts();
		execution.setVariable(VAR_WARRANTY_STATUS, facts.warranty().status().name());
		execution.setVariable(VAR_UNIT_AGE_MONTHS, facts.warranty().unitAgeMonths());
		execution.setVariable(VAR_INVESTIGATION_SUMMARY, investigation.summary());
		execution.setVariable(VAR_LOT_SIGNAL, investigation.lotSignalText());
		// form-js reads select options from a JSON variable
		List<Map<String, String>> options = facts.suspectOptions().stream().map(option -> {
			Map<String, String> entry = new LinkedHashMap<>();
			entry.put("label", option.label());
			entry.put("value", option.value());
			return entry;
		}).toList();
		execution.setVariable(VAR_SUSPECT_LOT_OPTIONS, Spin.JSON(options));
		investigation.prefilledSuspect().ifPresent(suspect -> {
			execution.setVariable(VAR_SUSPECT_LOT_CODE, suspect.value());
			execution.setVariable(VAR_SUSPECT_PART_NUMBER, suspect.partNumber());
		});
	}

}
