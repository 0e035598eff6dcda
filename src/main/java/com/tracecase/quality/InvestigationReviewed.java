package com.tracecase.quality;

import java.time.Instant;

import org.springframework.lang.Nullable;

/**
 * QC reviewed the investigation of a case, in the transaction that records the review.
 *
 * @param caseNumber the case
 * @param verdict QC's verdict
 * @param suspectLotCode the lot QC suspects, {@literal null} when none
 * @param reviewer who
 * @param at when
 */
public record InvestigationReviewed(String caseNumber, QcVerdict verdict, @Nullable String suspectLotCode,
		String reviewer, Instant at) {
}
