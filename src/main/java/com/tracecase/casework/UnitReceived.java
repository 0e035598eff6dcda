package com.tracecase.casework;

/**
 * The customer's unit of a case arrived for repair.
 *
 * @param caseNumber the case
 * @param receivedBy who booked it in
 */
public record UnitReceived(String caseNumber, String receivedBy) {
}
