package com.tracecase.casework;

import java.time.Instant;

import org.springframework.lang.Nullable;

/**
 * Finance approved or rejected the cost of a case's decided remedy, in the transaction
 * that completes its task.
 *
 * @param caseNumber the case
 * @param approved whether the cost is approved
 * @param comment finance's comment, required for a rejection
 * @param decidedBy who
 * @param at when
 */
public record CostApprovalDecided(String caseNumber, boolean approved, @Nullable String comment, String decidedBy,
		Instant at) {
}
