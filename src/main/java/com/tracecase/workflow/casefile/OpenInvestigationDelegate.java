package com.tracecase.workflow.casefile;

import java.util.stream.Collectors;

import com.tracecase.casework.CaseManagement;
import com.tracecase.quality.Investigation;
import com.tracecase.quality.InvestigationFacts;
import com.tracecase.quality.QualityManagement;
import com.tracecase.shared.Labels;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

import static com.tracecase.workflow.FailureCaseProcess.*;
import static com.tracecase.workflow.ProcessVariables.date;
import static com.tracecase.workflow.ProcessVariables.requiredText;

/**
 * Task_OpenInvestigation: opens the case's QC investigation, filled with everything known
 * about the unit.
 */
@Component("openInvestigation")
class OpenInvestigationDelegate implements JavaDelegate {

	/**
	 * String variables are limited to 4000 characters; the full facts are on the case
	 * API.
	 */
	private static final int SUMMARY_LIMIT = 3800;

	private final QualityManagement quality;

	private final CaseManagement cases;

	OpenInvestigationDelegate(QualityManagement quality, CaseManagement cases) {
		this.quality = quality;
		this.cases = cases;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String caseNumber = requiredText(execution, VAR_CASE_NUMBER);
		Investigation investigation = quality.openInvestigation(caseNumber, requiredText(execution, VAR_SERIAL_NUMBER),
				date(execution, VAR_PURCHASE_DATE), cases.otherReportedUnits(caseNumber));
		InvestigationFacts facts = investigation.getFacts();
		execution.setVariable(VAR_WARRANTY_STATUS, facts.warranty().status().name());
		execution.setVariable(VAR_UNIT_AGE_MONTHS, facts.warranty().unitAgeMonths());
		execution.setVariable(VAR_INVESTIGATION_SUMMARY, summary(facts));
	}

	/** The facts as text for QC's form, which shows them read-only. */
	static String summary(InvestigationFacts facts) {
		var device = facts.device();
		StringBuilder text = new StringBuilder();
		text.append("Unit ").append(device.serialNumber()).append(" — ").append(device.partDescription());
		text.append("\nBuild ").append(device.buildCode()).append(" #").append(device.sequenceInBuild());
		text.append(" (").append(device.buildStartedOn()).append(" – ").append(device.buildCompletedOn()).append(")");
		var warranty = facts.warranty();
		text.append("\nWarranty: ")
			.append(Labels.label(warranty.status()))
			.append(" until ")
			.append(Labels.date(warranty.endsOn()));
		text.append(" (from ").append(warranty.basis()).append(", unit age ").append(warranty.unitAgeMonths());
		text.append(" months)");
		if (!facts.atRisk().isEmpty()) {
			text.append("\n\nMost suspect lots over all reports:");
			facts.atRisk()
				.stream()
				.limit(5)
				.forEach(lot -> text.append("\n  ")
					.append(lot.lotCode())
					.append(" ")
					.append(lot.partNumber())
					.append(" ")
					.append(Labels.origin(lot.supplier(), null))
					.append(": ")
					.append(lot.failedUnits())
					.append(" of ")
					.append(lot.totalUnits())
					.append(" units reported, score ")
					.append(String.format(java.util.Locale.ROOT, "%.1f", lot.score())));
		}
		if (!facts.relatedReports().isEmpty()) {
			text.append("\n\nOther reports on units sharing lots: ")
				.append(facts.relatedReports()
					.stream()
					.map(report -> report.caseNumber() + " (" + report.serialNumber() + ")")
					.collect(Collectors.joining(", ")));
		}
		text.append("\n\nComponent lots (").append(facts.componentLots().size()).append("):");
		facts.componentLots()
			.forEach(lot -> text.append("\n  ")
				.append(lot.lotCode())
				.append(" ")
				.append(lot.partNumber())
				.append(" ")
				.append(lot.partDescription())
				.append(" — ")
				.append(lot.supplier() == null ? "built in-house" : lot.supplier())
				.append(lot.dateCode() == null ? "" : " " + lot.dateCode()));
		if (!facts.files().isEmpty()) {
			text.append("\n\nFiles: ")
				.append(facts.files().stream().map(file -> file.fileName()).collect(Collectors.joining(", ")));
		}
		return text.length() <= SUMMARY_LIMIT ? text.toString() : text.substring(0, SUMMARY_LIMIT) + "\n…";
	}

}
