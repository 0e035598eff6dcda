package com.tracecase.quality;

/**
 * Someone asked to contain a lot at risk on its own; its containment process starts in
 * the same transaction.
 *
 * @param reference the containment's reference, the business key of its process
 * @param lotCode the lot to contain
 * @param partNumber the lot's part
 * @param reason why, in the requester's words
 * @param requestedBy the user who asked
 */
public record ContainmentRequested(String reference, String lotCode, String partNumber, String reason,
		String requestedBy) {
}
