package com.tracecase.quality;

/**
 * QC's review as entered, before it is checked.
 *
 * @param verdict a {@link QcVerdict} name, {@literal null} when QC chose none
 * @param failureMode how it fails, e.g. "no boot, PMIC output 0 V"
 * @param suspectLotCode the suspect lot, one of the unit's lots, may be {@literal null}
 * @param rootCauseCategory e.g. COMPONENT, WORKMANSHIP, DESIGN, HANDLING, UNKNOWN
 * @param containmentNeeded whether stock built from the suspect lot must be quarantined
 * @param notes free text
 */
public record ReviewInput(String verdict, String failureMode, String suspectLotCode, String rootCauseCategory,
		boolean containmentNeeded, String notes) {
}
