package com.tracecase.quality;

import java.util.List;
import java.util.Optional;

/**
 * What the reports that share lots with a unit say about its lots: the lots that could
 * explain at least two reports, those the reports cannot tell apart as one group, most
 * suspect first.
 *
 * @param failedUnits the reported units the evidence stands on, this one included
 * @param groups lots in at least two reported units, grouped when the reports cannot tell
 * them apart, most suspect first; empty with a single report
 * @param sentences the evidence in words, one sentence per line
 */
public record LotSignal(long failedUnits, List<SuspectGroup> groups, String sentences) {

	public static final String ONE_REPORT = "One report: no lot signal yet.";

	public LotSignal {
		groups = groups == null ? List.of() : List.copyOf(groups);
	}

	/**
	 * @return the lot QC starts from: the most suspect group when it is a single lot,
	 * else empty (one report, or lots the reports cannot tell apart)
	 */
	public Optional<String> prefilledLotCode() {
		if (groups.isEmpty() || groups.get(0).lotCodes().size() != 1) {
			return Optional.empty();
		}
		return Optional.of(groups.get(0).lotCodes().get(0));
	}

	/**
	 * Lots that the reports cannot tell apart: the same failed units and the same number
	 * of units in all.
	 *
	 * @param lotCodes the lots, at least one
	 * @param failedSerialNumbers the reported units that contain each of them
	 * @param totalUnits units that contain each of them in all
	 * @param score {@code -log10} of the chance of this many reports among so many units
	 * at the overall rate: higher is more suspect
	 * @param separations for a group of several lots, how many units contain one but not
	 * the other: a report on such a unit would tell them apart
	 */
	public record SuspectGroup(List<String> lotCodes, List<String> failedSerialNumbers, long totalUnits, double score,
			List<Separation> separations) {

		public SuspectGroup {
			lotCodes = List.copyOf(lotCodes);
			failedSerialNumbers = List.copyOf(failedSerialNumbers);
			separations = separations == null ? List.of() : List.copyOf(separations);
		}

		public long failedUnits() {
			return failedSerialNumbers.size();
		}

	}

	/**
	 * @param lotCode one lot of a group
	 * @param otherLotCode another lot of the same group
	 * @param unitsWithOnlyLot units that contain {@code lotCode} but not
	 * {@code otherLotCode}
	 * @param unitsWithOnlyOther units that contain {@code otherLotCode} but not
	 * {@code lotCode}
	 */
	public record Separation(String lotCode, String otherLotCode, long unitsWithOnlyLot, long unitsWithOnlyOther) {
	}

}
