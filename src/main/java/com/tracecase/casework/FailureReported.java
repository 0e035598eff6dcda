package com.tracecase.casework;

/**
 * A report filed through the API became a case and its process must start. Published
 * inside the filing transaction: the case and the start of its process commit together or
 * not at all.
 *
 * @param caseNumber the new case
 */
public record FailureReported(String caseNumber) {
}
