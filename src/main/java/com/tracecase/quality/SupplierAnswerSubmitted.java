package com.tracecase.quality;

/**
 * Someone entered the supplier's 8D answer outside Tasklist (the action's page, the API):
 * the action's waiting task is completed as that user, in the same transaction.
 *
 * @param reference the action's reference, the business key of its process
 * @param answer the answer, checked
 * @param by the user who entered it
 */
public record SupplierAnswerSubmitted(String reference, EightDAnswer answer, String by) {
}
