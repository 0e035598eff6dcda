package com.tracecase.quality;

import java.util.Map;
import java.util.stream.Collectors;

import com.tracecase.genealogy.Device;
import com.tracecase.genealogy.TracedLot;

/**
 * The investigation in words, for QC's form and the customer.
 */
final class InvestigationText {

	/**
	 * String variables are limited to 4000 characters; the full facts are on the case
	 * API.
	 */
	static final int LIMIT = 3800;

	private InvestigationText() {
	}

	static String summary(InvestigationFacts facts) {
		Device device = facts.device();
		StringBuilder text = new StringBuilder();
		text.append("Unit ").append(device.serialNumber()).append(" — ").append(device.partDescription());
		if (device.buildCode() != null) {
			text.append("\nBuilt in build ").append(device.buildCode()).append(" #").append(device.sequenceInBuild());
			if (device.buildStartedOn() != null) {
				text.append(", ").append(device.buildStartedOn());
				if (device.buildCompletedOn() != null && !device.buildCompletedOn().equals(device.buildStartedOn())) {
					text.append(" to ").append(device.buildCompletedOn());
				}
			}
		}
		var warranty = facts.warranty();
		text.append("\nWarranty: ")
			.append(warranty.status() == WarrantyStatus.IN_WARRANTY ? "in warranty" : "out of warranty")
			.append(" until ")
			.append(warranty.endsOn())
			.append(" (counted from the ")
			.append(warranty.basis())
			.append("); the unit is ")
			.append(warranty.unitAgeMonths())
			.append(warranty.unitAgeMonths() == 1 ? " month old" : " months old");
		text.append("\n\nLot signal:\n").append(lotSignal(facts));
		if (!facts.relatedReports().isEmpty()) {
			text.append("\n\nOther reports on units sharing lots with this one: ")
				.append(facts.relatedReports()
					.stream()
					.map(report -> report.caseNumber() + " (" + report.serialNumber() + ")")
					.collect(Collectors.joining(", ")));
		}
		text.append("\n\nLots inside the unit (").append(facts.componentLots().size()).append("):");
		facts.componentLots().forEach(lot -> text.append("\n  ").append(label(facts, lot)));
		if (!facts.files().isEmpty()) {
			text.append("\n\nFiles: ")
				.append(facts.files().stream().map(file -> file.fileName()).collect(Collectors.joining(", ")));
		}
		return text.length() <= LIMIT ? text.toString() : text.substring(0, LIMIT) + "\n…";
	}

	static String lotSignal(InvestigationFacts facts) {
		if (facts.lotSignal() == null) {
			return "Not assessed when this investigation opened.";
		}
		String sentences = facts.lotSignal().sentences();
		return sentences.length() <= LIMIT ? sentences : sentences.substring(0, LIMIT) + "\n…";
	}

	/** A lot in words: code, part, where it comes from, date code. */
	static String label(InvestigationFacts facts, TracedLot lot) {
		return label(lot, facts.origin(lot));
	}

	static String label(TracedLot lot, String origin) {
		StringBuilder text = new StringBuilder(lot.lotCode()).append(" — ").append(lot.partDescription());
		text.append(" (").append(lot.partNumber()).append("), ").append(origin);
		if (lot.dateCode() != null) {
			text.append(", date code ").append(lot.dateCode());
		}
		return text.toString();
	}

	static String label(Map<String, TracedLot> lots, Map<String, String> origins, String lotCode) {
		TracedLot lot = lots.get(lotCode);
		return lot == null ? lotCode : label(lot, origins.getOrDefault(lotCode, "built in-house"));
	}

	/**
	 * What customer service may tell the customer when QC found no fault: true to what
	 * happened, since QC reviewed the report and the records, not the device itself.
	 */
	static String noFaultFoundMessage(InvestigationFacts facts) {
		return "We found nothing in the production records of your " + facts.device().partDescription()
				+ " (serial number " + facts.device().serialNumber() + ") or of the parts inside it that explains"
				+ " the problem. If it persists, please contact us quoting your case number and we will arrange to"
				+ " examine the device itself.";
	}

}
