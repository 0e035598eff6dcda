package com.tracecase.quality;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * How far a recall campaign has come: its units by status.
 *
 * @param byStatus units per status, every status present
 */
public record RecallProgress(Map<RecallUnitStatus, Long> byStatus) {

	public RecallProgress {
		Map<RecallUnitStatus, Long> all = new EnumMap<>(RecallUnitStatus.class);
		for (RecallUnitStatus status : RecallUnitStatus.values()) {
			all.put(status, byStatus.getOrDefault(status, 0L));
		}
		byStatus = Collections.unmodifiableMap(all);
	}

	public long count(RecallUnitStatus status) {
		return byStatus.get(status);
	}

	/**
	 * @return every unit the campaign follows
	 */
	public long units() {
		return byStatus.values().stream().mapToLong(Long::longValue).sum();
	}

	/**
	 * @return units repaired or replaced
	 */
	public long remedied() {
		return count(RecallUnitStatus.REPAIRED) + count(RecallUnitStatus.REPLACED);
	}

	/**
	 * @return units followed to their end: repaired, replaced or closed
	 */
	public long ended() {
		return remedied() + count(RecallUnitStatus.CLOSED);
	}

	/**
	 * The completion rate: the share of its units the campaign has followed to their end
	 * (repaired, replaced or closed); 0 for a campaign without units (before its units
	 * are listed, a campaign has none).
	 */
	public double completionRate() {
		return units() == 0 ? 0.0 : (double) ended() / units();
	}

	/**
	 * @return the completion rate as people read it, e.g. "67 %"
	 */
	public String completionPercent() {
		return Math.round(completionRate() * 100) + " %";
	}

}
