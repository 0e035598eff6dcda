package com.tracecase.quality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.tracecase.genealogy.AtRiskLot;
import com.tracecase.genealogy.Genealogy;
import com.tracecase.genealogy.LotsApart;
import com.tracecase.genealogy.SharedLot;
import com.tracecase.quality.LotSignal.Separation;
import com.tracecase.quality.LotSignal.SuspectGroup;

/**
 * Turns the ranking of a unit's lots into evidence QC can act on: only lots that could
 * explain at least two reports, never the unit's own single-unit lots, and lots the
 * reports cannot tell apart as one group with what would separate them.
 */
final class LotEvidence {

	/** Lots of a group compared with its first one, to keep the walks few. */
	private static final int SEPARATIONS_SHOWN = 4;

	private static final int GROUPS_IN_WORDS = 5;

	private LotEvidence() {
	}

	/**
	 * @param failedUnits the reported units, this one included
	 * @param ranked the unit's lots ranked over those reports, most suspect first
	 * @param singleUnitLots the unit's own single-unit lots
	 * @param labels lot code to the lot in words
	 */
	static LotSignal signal(long failedUnits, List<SharedLot> ranked, Set<String> singleUnitLots,
			Function<String, String> labels, Genealogy genealogy) {
		if (failedUnits <= 1) {
			return new LotSignal(failedUnits, List.of(), LotSignal.ONE_REPORT);
		}
		Map<String, List<SharedLot>> byEvidence = new LinkedHashMap<>();
		for (SharedLot shared : suspects(ranked, singleUnitLots)) {
			String key = String.join(",", shared.failedSerialNumbers()) + "|" + shared.lot().totalUnits();
			byEvidence.computeIfAbsent(key, k -> new ArrayList<>()).add(shared);
		}
		List<SuspectGroup> groups = byEvidence.values().stream().map(lots -> group(lots, genealogy)).toList();
		return new LotSignal(failedUnits, groups, sentences(failedUnits, groups, labels));
	}

	/** Lots that could explain at least two reports and reach beyond this unit. */
	static List<SharedLot> suspects(List<SharedLot> ranked, Set<String> singleUnitLots) {
		return ranked.stream()
			.filter(shared -> shared.lot().failedUnits() >= 2 && shared.lot().totalUnits() > 1)
			.filter(shared -> !singleUnitLots.contains(shared.lot().lotCode()))
			.toList();
	}

	private static SuspectGroup group(List<SharedLot> lots, Genealogy genealogy) {
		AtRiskLot first = lots.get(0).lot();
		List<Separation> separations = new ArrayList<>();
		for (SharedLot other : lots.subList(1, Math.min(lots.size(), SEPARATIONS_SHOWN + 1))) {
			LotsApart apart = genealogy.lotsApart(first.lotCode(), other.lot().lotCode());
			separations.add(new Separation(first.lotCode(), other.lot().lotCode(), apart.productsWithOnlyLot(),
					apart.productsWithOnlyOther()));
		}
		return new SuspectGroup(lots.stream().map(shared -> shared.lot().lotCode()).toList(),
				lots.get(0).failedSerialNumbers(), first.totalUnits(), first.score(), separations);
	}

	private static String sentences(long failedUnits, List<SuspectGroup> groups, Function<String, String> labels) {
		if (groups.isEmpty()) {
			return failedUnits + " reported units share lots with this one, but no lot of this unit is in two of them:"
					+ " no lot signal yet.";
		}
		List<String> lines = new ArrayList<>();
		lines.add(failedUnits + " reported units share lots with this one. Lots that could explain at least two"
				+ " reports, most suspect first:");
		for (SuspectGroup group : groups.stream().limit(GROUPS_IN_WORDS).toList()) {
			lines.add(group.lotCodes().size() == 1 ? oneLot(group, failedUnits, labels)
					: indistinguishable(group, failedUnits, labels));
		}
		if (groups.size() > GROUPS_IN_WORDS) {
			lines.add("… and " + (groups.size() - GROUPS_IN_WORDS) + " more.");
		}
		return String.join("\n", lines);
	}

	private static String oneLot(SuspectGroup group, long failedUnits, Function<String, String> labels) {
		return "- " + labels.apply(group.lotCodes().get(0)) + ": in " + group.failedUnits() + " of the " + failedUnits
				+ " reported units; " + units(group.totalUnits()) + " contain it in all" + score(group) + ".";
	}

	private static String indistinguishable(SuspectGroup group, long failedUnits, Function<String, String> labels) {
		StringBuilder text = new StringBuilder("- ").append(group.lotCodes().size())
			.append(" lots the reports cannot tell apart (each in the same ")
			.append(group.failedUnits())
			.append(" of the ")
			.append(failedUnits)
			.append(" reported units; ")
			.append(units(group.totalUnits()))
			.append(" contain each in all")
			.append(score(group))
			.append("): ")
			.append(group.lotCodes().stream().map(labels).collect(Collectors.joining("; ")))
			.append(".");
		for (Separation separation : group.separations()) {
			text.append("\n  ");
			if (separation.unitsWithOnlyLot() == 0 && separation.unitsWithOnlyOther() == 0) {
				text.append(separation.lotCode())
					.append(" and ")
					.append(separation.otherLotCode())
					.append(" are in exactly the same units: only examining the parts can separate them.");
			}
			else {
				text.append("What would separate ")
					.append(separation.lotCode())
					.append(" from ")
					.append(separation.otherLotCode())
					.append(": ")
					.append(units(separation.unitsWithOnlyLot()))
					.append(" contain the first but not the second, ")
					.append(units(separation.unitsWithOnlyOther()))
					.append(" the second but not the first; a report on one of them would tell them apart.");
			}
		}
		return text.toString();
	}

	private static String units(long count) {
		return count == 1 ? "1 unit" : count + " units";
	}

	private static String score(SuspectGroup group) {
		return String.format(Locale.ROOT, ", score %.1f", group.score());
	}

}
