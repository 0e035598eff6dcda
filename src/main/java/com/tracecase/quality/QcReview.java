package com.tracecase.quality;

/**
 * QC's verdict on an investigation.
 *
 * @param failureConfirmed whether the failure could be reproduced
 * @param failureMode how it fails, e.g. "no boot, PMIC output 0 V"
 * @param suspectPartNumber the component part believed to cause it, may be
 * {@literal null}
 * @param suspectLotCode the lot of that part, may be {@literal null}
 * @param rootCauseCategory e.g. COMPONENT, WORKMANSHIP, DESIGN, HANDLING, UNKNOWN
 * @param containmentNeeded whether stock built from the suspect lot must be quarantined
 * @param notes free text
 */
public record QcReview(boolean failureConfirmed, String failureMode, String suspectPartNumber, String suspectLotCode,
		String rootCauseCategory, boolean containmentNeeded, String notes) {
}
