package com.tracecase.quality;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.tracecase.shared.Labels;
import com.tracecase.shared.StateConflictException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A supplier corrective action request (SCAR) raised against the supplier of a suspect
 * lot, and its loop with the supplier: the request mailed to the supplier's contact, the
 * supplier's 8D answer by a due date, QC's verification or rejection, closing. Its status
 * changes only through its own transitions, each recorded in its history.
 */
@Entity
@Table(name = "supplier_corrective_action")
public class SupplierCorrectiveAction {

	/** Prefix of an action's reference, the business key of its process. */
	public static final String REFERENCE_PREFIX = "SCA-";

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	/**
	 * The containment that asked for it: its case number, or the reference of a lot's
	 * own.
	 */
	@Column(nullable = false, updatable = false)
	private String containmentReference;

	@Column(updatable = false)
	private String caseNumber;

	@Column(nullable = false, updatable = false)
	private String supplier;

	@Column(nullable = false, updatable = false)
	private String lotCode;

	@Column(nullable = false, updatable = false)
	private String partNumber;

	@Column(nullable = false, updatable = false)
	private String description;

	/** What we found, in words for the supplier. */
	@Column(updatable = false)
	private String finding;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private SupplierActionStatus status;

	@Column(nullable = false, updatable = false)
	private Instant requestedAt;

	private Instant requestSentAt;

	private LocalDate answerDueOn;

	private int remindersSent;

	private String containmentAction;

	private String rootCause;

	private String correctiveAction;

	private String preventiveAction;

	private String answeredBy;

	private Instant answeredAt;

	/** How many answers were recorded, the rejected ones included. */
	private int answers;

	private String rejectionReason;

	private String verifiedBy;

	private Instant verifiedAt;

	private Instant closedAt;

	@JdbcTypeCode(SqlTypes.JSON)
	@Column(nullable = false, columnDefinition = "jsonb")
	private List<HistoryEntry> history;

	@Version
	private long version;

	protected SupplierCorrectiveAction() {
	}

	SupplierCorrectiveAction(String containmentReference, String caseNumber, String supplier, String lotCode,
			String partNumber, String description, String finding, Instant requestedAt) {
		this.containmentReference = containmentReference;
		this.caseNumber = caseNumber;
		this.supplier = supplier;
		this.lotCode = lotCode;
		this.partNumber = partNumber;
		this.description = description;
		this.finding = finding;
		this.status = SupplierActionStatus.REQUESTED;
		this.requestedAt = requestedAt;
		this.history = List.of(new HistoryEntry(requestedAt, "tracecase", SupplierActionStatus.REQUESTED,
				"Corrective action requested from " + supplier + " for lot " + lotCode + "."));
	}

	/**
	 * The request could not be mailed: the supplier has no contact email. Recorded once
	 * while it stays so.
	 */
	void contactNeeded(Instant at) {
		expect("mail the request", SupplierActionStatus.REQUESTED, SupplierActionStatus.CONTACT_NEEDED);
		if (status != SupplierActionStatus.CONTACT_NEEDED) {
			moveTo(SupplierActionStatus.CONTACT_NEEDED, at, "tracecase", "The request cannot be mailed: supplier "
					+ supplier + " has no contact email. QC adds the contact, then it goes out.");
		}
	}

	/** The request went to the supplier's contact; the answer is due on the date. */
	void requestSent(String contactEmail, LocalDate dueOn, Instant at) {
		expect("mail the request", SupplierActionStatus.REQUESTED, SupplierActionStatus.CONTACT_NEEDED);
		this.requestSentAt = at;
		this.answerDueOn = dueOn;
		moveTo(SupplierActionStatus.AWAITING_ANSWER, at, "tracecase",
				"Request mailed to " + contactEmail + "; the 8D answer is due on " + Labels.date(dueOn) + ".");
	}

	void reminded(String contactEmail, Instant at) {
		expect("remind the supplier", SupplierActionStatus.AWAITING_ANSWER, SupplierActionStatus.REJECTED);
		this.remindersSent++;
		record(at, "tracecase", "Reminder " + remindersSent + " mailed to " + contactEmail + ".");
	}

	void answer(EightDAnswer answer, String by, Instant at) {
		expect("record an 8D answer", SupplierActionStatus.AWAITING_ANSWER, SupplierActionStatus.REJECTED);
		this.containmentAction = answer.containmentAction();
		this.rootCause = answer.rootCause();
		this.correctiveAction = answer.correctiveAction();
		this.preventiveAction = answer.preventiveAction();
		this.answeredBy = by;
		this.answeredAt = at;
		this.answers++;
		moveTo(SupplierActionStatus.ANSWERED, at, by, "8D answer " + answers + " recorded.");
	}

	void reject(String reason, LocalDate newDueOn, String by, Instant at) {
		expect("reject the answer", SupplierActionStatus.ANSWERED);
		this.rejectionReason = reason;
		this.answerDueOn = newDueOn;
		moveTo(SupplierActionStatus.REJECTED, at, by,
				"Answer rejected; a new answer is due on " + Labels.date(newDueOn) + ". Why: " + reason);
	}

	void verifyAndClose(String by, Instant at) {
		expect("verify the answer", SupplierActionStatus.ANSWERED);
		this.verifiedBy = by;
		this.verifiedAt = at;
		this.closedAt = at;
		moveTo(SupplierActionStatus.CLOSED, at, by, "Answer verified; the corrective action is closed.");
	}

	private void expect(String what, SupplierActionStatus... allowed) {
		for (SupplierActionStatus candidate : allowed) {
			if (status == candidate) {
				return;
			}
		}
		throw new StateConflictException("Cannot " + what + " of supplier action " + getReference() + ": it is "
				+ Labels.label(status).toLowerCase(Labels.LOCALE) + ".");
	}

	private void moveTo(SupplierActionStatus next, Instant at, String by, String note) {
		this.status = next;
		List<HistoryEntry> entries = new ArrayList<>(history);
		entries.add(new HistoryEntry(at, by, next, note));
		this.history = entries;
	}

	private void record(Instant at, String by, String note) {
		List<HistoryEntry> entries = new ArrayList<>(history);
		entries.add(new HistoryEntry(at, by, status, note));
		this.history = entries;
	}

	/**
	 * @param today the date to judge by
	 * @return whether the supplier owes an answer past its due date
	 */
	public boolean isOverdue(LocalDate today) {
		return status.waitingForSupplier() && answerDueOn != null && answerDueOn.isBefore(today);
	}

	public Long getId() {
		return id;
	}

	/**
	 * @return {@code SCA-<id>}, the business key of its process
	 */
	public String getReference() {
		return REFERENCE_PREFIX + id;
	}

	/**
	 * @return the case, {@literal null} for a lot contained on its own
	 */
	public String getCaseNumber() {
		return caseNumber;
	}

	public String getContainmentReference() {
		return containmentReference;
	}

	public String getSupplier() {
		return supplier;
	}

	public String getLotCode() {
		return lotCode;
	}

	public String getPartNumber() {
		return partNumber;
	}

	public String getDescription() {
		return description;
	}

	/**
	 * @return what we found, in words for the supplier (no internal details), never
	 * {@literal null}
	 */
	public String getFinding() {
		return finding != null ? finding : "A quality problem that we trace to this lot.";
	}

	public SupplierActionStatus getStatus() {
		return status;
	}

	public Instant getRequestedAt() {
		return requestedAt;
	}

	public Instant getRequestSentAt() {
		return requestSentAt;
	}

	public LocalDate getAnswerDueOn() {
		return answerDueOn;
	}

	public int getRemindersSent() {
		return remindersSent;
	}

	/**
	 * @return the latest 8D answer, {@literal null} before the first
	 */
	public EightDAnswer getAnswer() {
		return answers == 0 ? null : new EightDAnswer(containmentAction, rootCause, correctiveAction, preventiveAction);
	}

	public String getAnsweredBy() {
		return answeredBy;
	}

	public Instant getAnsweredAt() {
		return answeredAt;
	}

	public int getAnswers() {
		return answers;
	}

	/**
	 * @return why QC rejected the latest rejected answer, {@literal null} if none was
	 */
	public String getRejectionReason() {
		return rejectionReason;
	}

	public String getVerifiedBy() {
		return verifiedBy;
	}

	public Instant getVerifiedAt() {
		return verifiedAt;
	}

	public Instant getClosedAt() {
		return closedAt;
	}

	/**
	 * @return every change, oldest first, never {@literal null}
	 */
	public List<HistoryEntry> getHistory() {
		return List.copyOf(history);
	}

	/**
	 * One step of the action's history.
	 *
	 * @param at when
	 * @param by who, {@code tracecase} for Tracecase itself
	 * @param status the status after it
	 * @param note what happened, in words
	 */
	public record HistoryEntry(Instant at, String by, SupplierActionStatus status, String note) {
	}

}
