package com.tracecase.quality;

/**
 * Someone verified or rejected the supplier's answer outside Tasklist: the action's
 * waiting task is completed as that user, in the same transaction.
 *
 * @param reference the action's reference, the business key of its process
 * @param verified whether the answer is verified
 * @param reason why it is rejected, {@literal null} when verified
 * @param by the user who decided
 */
public record SupplierAnswerVerdictSubmitted(String reference, boolean verified, String reason, String by) {
}
