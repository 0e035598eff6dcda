package com.tracecase.casework;

/**
 * A unit some case reports as failing.
 *
 * @param serialNumber the unit
 * @param caseNumber the case
 */
public record ReportedUnit(String serialNumber, String caseNumber) {
}
