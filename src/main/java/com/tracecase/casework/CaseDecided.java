package com.tracecase.casework;

import java.time.Instant;

import com.tracecase.finance.Remedy;

import org.springframework.lang.Nullable;

/**
 * A case's remedy was decided (the repair-or-replace decision or the managers' decision),
 * in the transaction that records it.
 *
 * @param caseNumber the case
 * @param before the remedy decided before, {@literal null} for the first decision
 * @param remedy the remedy now
 * @param reason why
 * @param decidedBy who
 * @param at when
 */
public record CaseDecided(String caseNumber, @Nullable Remedy before, Remedy remedy, String reason, String decidedBy,
		Instant at) {
}
