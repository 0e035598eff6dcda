package com.tracecase.quality;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.tracecase.genealogy.Genealogy;
import com.tracecase.genealogy.Lot;
import com.tracecase.notification.MailTemplate;
import com.tracecase.notification.Notifications;
import com.tracecase.notification.Recipient;
import com.tracecase.shared.InvalidInputException;
import com.tracecase.shared.Labels;
import com.tracecase.shared.NotFoundException;
import com.tracecase.shared.StateConflictException;
import com.tracecase.shared.TextInput;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Suppliers and their corrective actions: the supplier master data (name and contact),
 * and the loop of a corrective action with its supplier. Every mail to a supplier goes
 * through the notification outbox in the transaction of the step that asks for it, keyed
 * by the action and the step, so a step that runs again mails nothing twice.
 */
@Service
public class SupplierManagement {

	/** The longest reason for rejecting an answer. */
	static final int MAX_REASON_LENGTH = 2000;

	private final Suppliers suppliers;

	private final SupplierCorrectiveActions actions;

	private final Notifications notifications;

	private final Genealogy genealogy;

	private final QualityProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SupplierManagement(Suppliers suppliers, SupplierCorrectiveActions actions, Notifications notifications,
			Genealogy genealogy, QualityProperties properties, ApplicationEventPublisher events, Clock clock) {
		this.suppliers = suppliers;
		this.actions = actions;
		this.notifications = notifications;
		this.genealogy = genealogy;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
	}

	// the master data

	/**
	 * @return every supplier by name, never {@literal null}
	 */
	@Transactional(readOnly = true)
	public List<Supplier> suppliers() {
		return suppliers.findAllByOrderByNameAsc();
	}

	/**
	 * @throws NotFoundException when there is no such supplier
	 */
	@Transactional(readOnly = true)
	public Supplier supplier(long id) {
		return suppliers.findById(id).orElseThrow(() -> new NotFoundException("Supplier", String.valueOf(id)));
	}

	/**
	 * @param name a supplier's name as lots carry it, in any case
	 */
	@Transactional(readOnly = true)
	public Optional<Supplier> findSupplier(String name) {
		return StringUtils.hasText(name) ? suppliers.findByName(name.strip()) : Optional.empty();
	}

	/**
	 * Adds a supplier.
	 * @throws InvalidInputException naming each field that is wrong; nothing is written
	 * @throws StateConflictException when a supplier of that name exists
	 */
	@Transactional
	public Supplier addSupplier(SupplierContact input, String by) {
		SupplierContact contact = input.checked();
		if (suppliers.findByName(contact.name()).isPresent()) {
			throw new StateConflictException("Supplier " + contact.name() + " exists already.");
		}
		Supplier supplier = new Supplier(contact.name(), by, clock.instant());
		supplier.update(contact, by, clock.instant());
		return saved(supplier);
	}

	/**
	 * Changes a supplier's name or contact.
	 * @throws InvalidInputException naming each field that is wrong; nothing is written
	 * @throws NotFoundException when there is no such supplier
	 * @throws StateConflictException when another supplier has the new name
	 */
	@Transactional
	public Supplier updateSupplier(long id, SupplierContact input, String by) {
		SupplierContact contact = input.checked();
		Supplier supplier = supplier(id);
		Optional<Supplier> namesake = suppliers.findByName(contact.name());
		if (namesake.isPresent() && !namesake.get().getId().equals(supplier.getId())) {
			throw new StateConflictException("Another supplier is named " + contact.name() + ".");
		}
		supplier.update(contact, by, clock.instant());
		return saved(supplier);
	}

	/**
	 * The contact of a supplier by its name, as QC enters it when a request could not go
	 * out: creates the supplier if it is not known yet. A blank address keeps the one the
	 * master data has.
	 * @throws InvalidInputException when the address is wrong, or missing while the
	 * supplier has none
	 */
	@Transactional
	public Supplier saveContact(String supplierName, String contactName, String contactEmail, String by) {
		Optional<Supplier> existing = findSupplier(supplierName);
		if (!StringUtils.hasText(contactEmail) && existing.map(Supplier::hasContact).orElse(false)) {
			return existing.get();
		}
		if (!StringUtils.hasText(contactEmail)) {
			throw new InvalidInputException("contactEmail", "Enter the contact email of supplier " + supplierName
					+ ", so the corrective action request can go out.");
		}
		SupplierContact contact = new SupplierContact(supplierName, contactName, contactEmail).checked();
		Supplier supplier = existing.orElseGet(() -> new Supplier(contact.name(), by, clock.instant()));
		// a contact name left blank keeps the one the master data has
		supplier.update(new SupplierContact(supplier.getName(),
				contact.contactName() != null ? contact.contactName() : supplier.getContactName(),
				contact.contactEmail()), by, clock.instant());
		return saved(supplier);
	}

	/** The supplier of a new corrective action, recorded by name if it is not known. */
	Supplier supplierOfAction(String name) {
		return suppliers.findByName(name).orElseGet(() -> saved(new Supplier(name, "tracecase", clock.instant())));
	}

	private Supplier saved(Supplier supplier) {
		try {
			return suppliers.saveAndFlush(supplier);
		}
		catch (DataIntegrityViolationException ex) {
			throw new StateConflictException("Supplier " + supplier.getName() + " exists already.");
		}
	}

	// the corrective actions

	/**
	 * @throws NotFoundException when there is no such action
	 */
	@Transactional(readOnly = true)
	public SupplierCorrectiveAction action(long id) {
		return actions.findById(id)
			.orElseThrow(() -> new NotFoundException("Supplier corrective action", String.valueOf(id)));
	}

	/**
	 * @param reference {@code SCA-<id>}
	 * @throws NotFoundException when there is no such action
	 */
	@Transactional(readOnly = true)
	public SupplierCorrectiveAction action(String reference) {
		return action(idOf(reference));
	}

	/**
	 * @param status the status, or {@literal null} for any
	 * @return the newest 500 actions in that status, newest first, never {@literal null}
	 */
	@Transactional(readOnly = true)
	public List<SupplierCorrectiveAction> actions(SupplierActionStatus status) {
		return status == null ? actions.findTop500ByOrderByIdDesc() : actions.findTop500ByStatusOrderByIdDesc(status);
	}

	/**
	 * @return the actions whose supplier owes an answer past its due date, the longest
	 * overdue first, never {@literal null}
	 */
	@Transactional(readOnly = true)
	public List<SupplierCorrectiveAction> overdueActions() {
		return actions.findByStatusInAndAnswerDueOnBeforeOrderByAnswerDueOnAscIdAsc(
				SupplierActionStatus.WAITING_FOR_SUPPLIER, today());
	}

	/**
	 * @return the overdue actions as the managers' view lists them, the longest overdue
	 * first, never {@literal null}
	 */
	@Transactional(readOnly = true)
	public List<OverdueSupplierAction> overdueFigures() {
		LocalDate today = today();
		return overdueActions().stream()
			.map(action -> new OverdueSupplierAction(action.getReference(), action.getId(), action.getSupplier(),
					action.getLotCode(), action.getCaseNumber() == null ? "" : action.getCaseNumber(),
					Labels.label(action.getStatus()), action.getAnswerDueOn(),
					ChronoUnit.DAYS.between(action.getAnswerDueOn(), today), action.getRemindersSent()))
			.toList();
	}

	/**
	 * @return how many actions are overdue
	 */
	@Transactional(readOnly = true)
	public long overdueCount() {
		return actions.countByStatusInAndAnswerDueOnBefore(SupplierActionStatus.WAITING_FOR_SUPPLIER, today());
	}

	/**
	 * @return the actions recorded whose request has not gone out yet, oldest first,
	 * never {@literal null}
	 */
	@Transactional(readOnly = true)
	public List<SupplierCorrectiveAction> unsentActions() {
		return actions.findByStatusOrderByIdAsc(SupplierActionStatus.REQUESTED);
	}

	/**
	 * @return the actions raised against a lot, oldest first, never {@literal null}
	 */
	@Transactional(readOnly = true)
	public List<SupplierCorrectiveAction> actionsOfLot(String lotCode) {
		return actions.findByLotCodeOrderByIdAsc(lotCode);
	}

	/**
	 * @return today, as due dates are judged
	 */
	public LocalDate today() {
		return LocalDate.now(clock.withZone(ZoneOffset.UTC));
	}

	/**
	 * Mails the request to the supplier's contact, with the date the 8D answer is due;
	 * without a contact email the action waits for QC to add one. Sending it again does
	 * nothing twice.
	 * @return the action as it is now: awaiting the answer, or needing the contact
	 */
	@Transactional
	public SupplierCorrectiveAction sendRequest(long id) {
		SupplierCorrectiveAction action = action(id);
		if (action.getStatus() != SupplierActionStatus.REQUESTED
				&& action.getStatus() != SupplierActionStatus.CONTACT_NEEDED) {
			return action;
		}
		Optional<Supplier> supplier = findSupplier(action.getSupplier()).filter(Supplier::hasContact);
		if (supplier.isEmpty()) {
			action.contactNeeded(clock.instant());
			return actions.save(action);
		}
		LocalDate due = today().plus(properties.supplierAnswerDue());
		action.requestSent(supplier.get().getContactEmail(), due, clock.instant());
		mail(MailTemplate.SUPPLIER_ACTION_REQUEST, action, supplier.get(), "request");
		return actions.save(action);
	}

	/**
	 * Reminds the supplier that its answer is due (or overdue).
	 * @param occurrence identifies this reminder, so a retried step mails it once
	 */
	@Transactional
	public SupplierCorrectiveAction remind(long id, String occurrence) {
		SupplierCorrectiveAction action = action(id);
		if (!action.getStatus().waitingForSupplier()) {
			return action;
		}
		Supplier supplier = contactOf(action);
		String key = action.getReference() + ":reminder:" + occurrence;
		if (!notifications.messagesFor(key).isEmpty()) {
			return action;
		}
		action.reminded(supplier.getContactEmail(), clock.instant());
		mail(MailTemplate.SUPPLIER_ACTION_REMINDER, action, supplier, "reminder:" + occurrence);
		return actions.save(action);
	}

	/**
	 * Records the supplier's 8D answer, as QC enters it.
	 * @throws InvalidInputException naming each part that is missing or wrong
	 * @throws StateConflictException when no answer is due
	 */
	@Transactional
	public SupplierCorrectiveAction recordAnswer(long id, EightDAnswer answer, String by) {
		EightDAnswer checked = answer.checked();
		SupplierCorrectiveAction action = action(id);
		action.answer(checked, by, clock.instant());
		return actions.save(action);
	}

	/**
	 * QC's verdict on the answer: verified closes the action and thanks the supplier; a
	 * rejection, with its reason, goes to the supplier, who owes a new answer by a new
	 * due date.
	 * @param verified {@literal null} (nothing chosen) is refused
	 * @throws InvalidInputException when nothing was chosen, a rejection gives no reason,
	 * or the supplier has no contact email to be told
	 * @throws StateConflictException when no answer waits for verification
	 */
	@Transactional
	public SupplierCorrectiveAction decideAnswer(long id, Boolean verified, String reason, String by) {
		String checkedReason = checkVerdict(verified, reason);
		SupplierCorrectiveAction action = action(id);
		Supplier supplier = contactOf(action);
		if (verified) {
			action.verifyAndClose(by, clock.instant());
			mail(MailTemplate.SUPPLIER_ACTION_CLOSED, action, supplier, "closed");
		}
		else {
			action.reject(checkedReason, today().plus(properties.supplierAnswerDue()), by, clock.instant());
			mail(MailTemplate.SUPPLIER_ANSWER_REJECTED, action, supplier, "rejected:" + action.getAnswers());
		}
		return actions.save(action);
	}

	/**
	 * The 8D answer entered on the action's page or through the API: checked here, then
	 * the action's waiting task is completed as the user, which records it.
	 * @throws InvalidInputException naming each part that is missing or wrong
	 * @throws StateConflictException when the action is not waiting for an answer
	 */
	@Transactional
	public SupplierCorrectiveAction submitAnswer(long id, EightDAnswer answer, String by) {
		EightDAnswer checked = answer.checked();
		SupplierCorrectiveAction action = action(id);
		if (!action.getStatus().waitingForSupplier()) {
			throw new StateConflictException("Supplier action " + action.getReference()
					+ " is not waiting for an 8D answer: it is " + label(action) + ".");
		}
		events.publishEvent(new SupplierAnswerSubmitted(action.getReference(), checked, by));
		return action(id);
	}

	/**
	 * QC's verdict entered on the action's page or through the API: checked here, then
	 * the action's waiting task is completed as the user, which records it.
	 * @throws InvalidInputException when nothing was chosen, or a rejection gives no
	 * reason
	 * @throws StateConflictException when the action has no answer waiting for
	 * verification
	 */
	@Transactional
	public SupplierCorrectiveAction submitVerdict(long id, Boolean verified, String reason, String by) {
		String checkedReason = checkVerdict(verified, reason);
		SupplierCorrectiveAction action = action(id);
		if (action.getStatus() != SupplierActionStatus.ANSWERED) {
			throw new StateConflictException("Supplier action " + action.getReference()
					+ " has no answer waiting for verification: it is " + label(action) + ".");
		}
		contactOf(action);
		events.publishEvent(new SupplierAnswerVerdictSubmitted(action.getReference(), verified, checkedReason, by));
		return action(id);
	}

	private static String checkVerdict(Boolean verified, String reason) {
		if (verified == null) {
			throw new InvalidInputException("answerVerdict", "Choose whether the answer is verified or rejected.");
		}
		TextInput.check("rejectionReason", "The reason", reason, MAX_REASON_LENGTH, true);
		if (!verified && !StringUtils.hasText(reason)) {
			throw new InvalidInputException("rejectionReason",
					"Say why the answer is rejected; the supplier reads it.");
		}
		return verified ? null : reason.strip();
	}

	/**
	 * @throws InvalidInputException when the supplier has no contact email (any more), so
	 * the supplier could not be told
	 */
	private Supplier contactOf(SupplierCorrectiveAction action) {
		return findSupplier(action.getSupplier()).filter(Supplier::hasContact)
			.orElseThrow(() -> new InvalidInputException("contactEmail", "Supplier " + action.getSupplier()
					+ " has no contact email, so it cannot be told; add it on the suppliers page first."));
	}

	private void mail(MailTemplate template, SupplierCorrectiveAction action, Supplier supplier, String step) {
		Map<String, Object> model = new HashMap<>();
		model.put("reference", action.getReference());
		model.put("supplier", action.getSupplier());
		if (supplier.getContactName() != null) {
			model.put("contactName", supplier.getContactName());
		}
		model.put("lotCode", action.getLotCode());
		model.put("partNumber", action.getPartNumber());
		genealogy.findLot(action.getLotCode())
			.map(Lot::partDescription)
			.ifPresent(description -> model.put("partDescription", description));
		model.put("finding", action.getFinding());
		if (action.getAnswerDueOn() != null) {
			model.put("dueOn", Labels.date(action.getAnswerDueOn()));
			model.put("overdue", action.isOverdue(today()));
		}
		if (action.getRejectionReason() != null) {
			model.put("rejectionReason", action.getRejectionReason());
		}
		notifications.enqueue(template, List.of(Recipient.address(supplier.getContactEmail())), model,
				action.getReference() + ":" + step);
	}

	private static String label(SupplierCorrectiveAction action) {
		return Labels.label(action.getStatus()).toLowerCase(Labels.LOCALE);
	}

	/**
	 * @param reference {@code SCA-<id>}
	 * @return the id
	 * @throws NotFoundException when it is not a reference
	 */
	public static long idOf(String reference) {
		if (reference != null && reference.startsWith(SupplierCorrectiveAction.REFERENCE_PREFIX)) {
			try {
				return Long.parseLong(reference.substring(SupplierCorrectiveAction.REFERENCE_PREFIX.length()));
			}
			catch (NumberFormatException ex) {
				// not a reference
			}
		}
		throw new NotFoundException("Supplier corrective action", String.valueOf(reference));
	}

}
