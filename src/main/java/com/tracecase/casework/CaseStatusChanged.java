package com.tracecase.casework;

import java.time.Instant;

import org.springframework.lang.Nullable;

/**
 * A case was filed or changed its status, in the transaction of the change.
 *
 * @param caseNumber the case
 * @param from the status before, {@literal null} when the case was filed
 * @param to the status now
 * @param actor who, {@literal null} when the caller did not say (the signed-in user or
 * the process)
 * @param reason why, may be {@literal null}
 * @param at when
 */
public record CaseStatusChanged(String caseNumber, @Nullable CaseStatus from, CaseStatus to, @Nullable String actor,
		@Nullable String reason, Instant at) {
}
