package com.tracecase.quality;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.tracecase.genealogy.AtRiskLot;
import com.tracecase.genealogy.Device;
import com.tracecase.genealogy.LotFile;
import com.tracecase.genealogy.ServiceEvent;
import com.tracecase.genealogy.TracedLot;

/**
 * Everything known about a reported unit when its investigation opens: a snapshot, so the
 * investigation shows what QC saw even after the genealogy changes (a repair, a
 * quarantine).
 *
 * @param device the unit, its product and build
 * @param componentLots every lot inside the unit at any depth, with part, supplier and
 * date code
 * @param files files attached to the unit and to its lots
 * @param serviceHistory the unit's service history
 * @param warranty warranty status and how it was determined
 * @param relatedReports other cases on units that share a lot with this one
 * @param atRisk the unit's lots in at least two reported units, ranked by failure
 * concentration over the reports that share lots with this unit, most suspect first
 * @param lotSignal the same evidence with indistinguishable lots grouped, and in words;
 * {@literal null} in investigations opened before it was kept
 * @param suspectOptions the unit's lots QC may name as the suspect (its own single-unit
 * lots are never suspects), most suspect first
 * @param lotOrigins where each lot of the unit comes from: its supplier, or
 * {@code built in-house in build B-…}
 */
public record InvestigationFacts(Device device, List<TracedLot> componentLots, List<LotFile> files,
		List<ServiceEvent> serviceHistory, Warranty warranty, List<RelatedReport> relatedReports,
		List<AtRiskLot> atRisk, LotSignal lotSignal, List<SuspectLotOption> suspectOptions,
		Map<String, String> lotOrigins) {

	public InvestigationFacts {
		suspectOptions = suspectOptions == null ? List.of() : suspectOptions;
		lotOrigins = lotOrigins == null ? Map.of() : lotOrigins;
	}

	/** Where the lot comes from, in words. */
	public String origin(TracedLot lot) {
		String origin = lotOrigins.get(lot.lotCode());
		if (origin != null) {
			return origin;
		}
		return lot.supplier() != null ? lot.supplier() : "built in-house";
	}

	/**
	 * @param status in or out of warranty
	 * @param startsOn the day the warranty started
	 * @param endsOn the last day of warranty
	 * @param basis what the start date is: {@code purchase date} or
	 * {@code build completion (no purchase date)}
	 * @param unitAgeMonths whole months from the start date to the report
	 */
	public record Warranty(WarrantyStatus status, LocalDate startsOn, LocalDate endsOn, String basis,
			int unitAgeMonths) {
	}

	/**
	 * @param caseNumber the other case
	 * @param serialNumber its unit
	 * @param sharedLotCodes the lots both units contain
	 */
	public record RelatedReport(String caseNumber, String serialNumber, List<String> sharedLotCodes) {
	}

}
