package com.tracecase.quality;

/**
 * A supplier corrective action was recorded; its process starts in the same transaction
 * and mails the request to the supplier's contact.
 *
 * @param actionId the action
 * @param reference its reference, the business key of its process
 * @param supplier the supplier's name
 * @param lotCode the supplier's lot
 * @param caseNumber the case that found it, {@literal null} for a lot contained on its
 * own
 */
public record SupplierActionRequested(long actionId, String reference, String supplier, String lotCode,
		String caseNumber) {
}
