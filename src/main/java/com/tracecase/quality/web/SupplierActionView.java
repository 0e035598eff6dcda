package com.tracecase.quality.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.tracecase.quality.EightDAnswer;
import com.tracecase.quality.SupplierCorrectiveAction;
import com.tracecase.shared.Labels;

/**
 * A supplier corrective action as the API and the pages show it: codes with their labels,
 * whether it is overdue, its history.
 *
 * @param overdue whether the supplier owes its answer past the due date
 * @param history every change, oldest first
 */
record SupplierActionView(long id, String reference, String status, String statusLabel, String supplier, String lotCode,
		String partNumber, String caseNumber, String containmentReference, String description, String finding,
		Instant requestedAt, Instant requestSentAt, LocalDate answerDueOn, boolean overdue, int remindersSent,
		EightDAnswer answer, String answeredBy, Instant answeredAt, int answers, String rejectionReason,
		String verifiedBy, Instant verifiedAt, Instant closedAt, List<Step> history) {

	static SupplierActionView of(SupplierCorrectiveAction a, LocalDate today) {
		return new SupplierActionView(a.getId(), a.getReference(), a.getStatus().name(), Labels.label(a.getStatus()),
				a.getSupplier(), a.getLotCode(), a.getPartNumber(), a.getCaseNumber(), a.getContainmentReference(),
				a.getDescription(), a.getFinding(), a.getRequestedAt(), a.getRequestSentAt(), a.getAnswerDueOn(),
				a.isOverdue(today), a.getRemindersSent(), a.getAnswer(), a.getAnsweredBy(), a.getAnsweredAt(),
				a.getAnswers(), a.getRejectionReason(), a.getVerifiedBy(), a.getVerifiedAt(), a.getClosedAt(),
				a.getHistory()
					.stream()
					.map(entry -> new Step(entry.at(), entry.by(), entry.status().name(), Labels.label(entry.status()),
							entry.note()))
					.toList());
	}

	/**
	 * @param at when
	 * @param by who
	 * @param status the status after it
	 * @param statusLabel the status in words
	 * @param note what happened
	 */
	record Step(Instant at, String by, String status, String statusLabel, String note) {
	}

}
