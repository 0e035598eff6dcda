package com.tracecase.quality;

import java.time.LocalDate;

/**
 * A supplier corrective action whose supplier owes its 8D answer past the due date, as
 * the managers' view lists it.
 *
 * @param reference the action's reference, {@code SCA-<id>}
 * @param id the action's id
 * @param supplier the supplier's name
 * @param lotCode the supplier's lot
 * @param caseNumber the case that found the problem, empty for a lot contained on its own
 * @param status the status in words
 * @param answerDueOn when the answer was due
 * @param daysOverdue days since then
 * @param remindersSent reminders mailed to the supplier
 */
public record OverdueSupplierAction(String reference, long id, String supplier, String lotCode, String caseNumber,
		String status, LocalDate answerDueOn, long daysOverdue, int remindersSent) {
}
