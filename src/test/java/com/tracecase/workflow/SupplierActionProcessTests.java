package com.tracecase.workflow;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.tracecase.TracecaseIntegrationTest;
import com.tracecase.genealogy.LotManagement;
import com.tracecase.notification.CaseMail;
import com.tracecase.notification.DeliveryStatus;
import com.tracecase.notification.MailTemplate;
import com.tracecase.notification.Notifications;
import com.tracecase.notification.internal.EmbeddedMailSink;
import com.tracecase.notification.internal.EmbeddedMailSink.ReceivedMail;
import com.tracecase.quality.QualityManagement;
import com.tracecase.quality.QualityProperties;
import com.tracecase.quality.SupplierActionStatus;
import com.tracecase.quality.SupplierCorrectiveAction;
import com.tracecase.quality.SupplierManagement;
import com.tracecase.shared.InvalidInputException;
import com.tracecase.shared.Labels;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.tracecase.workflow.SupplierActionProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * A supplier corrective action through its own process: the request mailed to the
 * supplier's contact with a due date, reminders while the answer is due, the 8D answer,
 * QC's rejection (mailed, a new answer due) and verification (closing mail), and a
 * supplier without a contact email, which QC is asked to add before the request goes out.
 */
@TracecaseIntegrationTest
class SupplierActionProcessTests {

	private static final Duration DELIVERY = Duration.ofSeconds(30);

	@Autowired
	ProcessEngine engine;

	@Autowired
	LotManagement lots;

	@Autowired
	QualityManagement quality;

	@Autowired
	SupplierManagement suppliers;

	@Autowired
	QualityProperties properties;

	@Autowired
	Notifications notifications;

	@Autowired
	EmbeddedMailSink sink;

	@BeforeEach
	void setUp() {
		BpmnAwareTests.init(engine);
	}

	@Test
	void anActionWalksEveryStateFromRequestThroughRejectionToClosing() {
		SupplierActionDriver plant = new SupplierActionDriver(engine, lots, suppliers).withContact();
		SupplierCorrectiveAction action = plant.request(quality);
		ProcessInstance instance = plant.process(action);

		// requested: mailed to the contact, the answer due after the configured period
		assertThat(action.getStatus()).isEqualTo(SupplierActionStatus.AWAITING_ANSWER);
		assertThat(action.getAnswerDueOn()).isEqualTo(suppliers.today().plus(properties.supplierAnswerDue()));
		assertThat(instance).hasPassed("Task_SendRequest").isWaitingAt(TASK_RECORD_ANSWER);
		assertThat(plant.task(action, TASK_RECORD_ANSWER).getName())
			.isEqualTo("Record the 8D answer of " + plant.supplier + " for lot " + plant.lot);
		assertThat(plant.task(action, TASK_RECORD_ANSWER).getDueDate()).isNotNull();
		ReceivedMail request = delivered(plant.contactEmail, action.getReference(), 1).get(0);
		assertThat(request.subject()).contains(action.getReference(), plant.lot);
		assertThat(request.text()).contains("Dear Kim Park", plant.lot, "Li-ion cell 18650",
				"Cells swell after two weeks", Labels.date(action.getAnswerDueOn()));
		// an outside company: no link into Tracecase, nothing internal
		assertThat(request.text() + request.html()).doesNotContain("/cases/", "/lots/", "http", "qc.engineer");

		// reminders while the answer is due: each firing mails once more
		plant.fireReminder(action);
		plant.fireReminder(action);
		assertThat(instance).hasPassed("Task_RemindSupplier").isWaitingAt(TASK_RECORD_ANSWER);
		assertThat(suppliers.action(action.getId()).getRemindersSent()).isEqualTo(2);
		assertThat(delivered(plant.contactEmail, "Reminder", 2)).allSatisfy(mail -> assertThat(mail.subject())
			.isEqualTo("Reminder: corrective action " + action.getReference() + " for your lot " + plant.lot));

		// an answer with a part missing is refused, the task stays open
		Map<String, Object> incomplete = new HashMap<>(SupplierActionDriver.answer("x"));
		incomplete.remove(VAR_ROOT_CAUSE);
		incomplete.put(VAR_ROOT_CAUSE, " ");
		refused(() -> plant.complete(action, TASK_RECORD_ANSWER, "qc.engineer", incomplete), "rootCause",
				"The root cause of the supplier's 8D answer is missing.");
		assertThat(instance).isWaitingAt(TASK_RECORD_ANSWER);

		// answered
		plant.complete(action, TASK_RECORD_ANSWER, "qc.engineer",
				SupplierActionDriver.answer("Operator error at formation"));
		assertThat(instance).isWaitingAt(TASK_VERIFY_ANSWER);
		SupplierCorrectiveAction answered = suppliers.action(action.getId());
		assertThat(answered.getStatus()).isEqualTo(SupplierActionStatus.ANSWERED);
		assertThat(answered.getAnswer().rootCause()).isEqualTo("Operator error at formation");
		assertThat(answered.getAnsweredBy()).isEqualTo("qc.engineer");

		// a rejection needs a reason; with one it is mailed and a new answer is due
		refused(() -> plant.complete(action, TASK_VERIFY_ANSWER, "qc.engineer", Map.of(VAR_ANSWER_VERDICT, "REJECTED")),
				"rejectionReason", "Say why the answer is rejected");
		plant.complete(action, TASK_VERIFY_ANSWER, "qc.engineer", Map.of(VAR_ANSWER_VERDICT, "REJECTED",
				VAR_REJECTION_REASON, "Operator error is no root cause: why could it happen?"));
		assertThat(instance).isWaitingAt(TASK_RECORD_ANSWER);
		SupplierCorrectiveAction rejected = suppliers.action(action.getId());
		assertThat(rejected.getStatus()).isEqualTo(SupplierActionStatus.REJECTED);
		assertThat(rejected.getRejectionReason()).isEqualTo("Operator error is no root cause: why could it happen?");
		ReceivedMail rejection = delivered(plant.contactEmail, "new answer", 1).get(0);
		assertThat(rejection.text()).contains("Operator error is no root cause: why could it happen?",
				Labels.date(rejected.getAnswerDueOn()));

		// answered again, verified: closed, with a closing mail
		plant.complete(action, TASK_RECORD_ANSWER, "qc.engineer",
				SupplierActionDriver.answer("Formation oven drifted above its limit"));
		assertThat(suppliers.action(action.getId()).getStatus()).isEqualTo(SupplierActionStatus.ANSWERED);
		plant.complete(action, TASK_VERIFY_ANSWER, "qc.engineer", Map.of(VAR_ANSWER_VERDICT, "APPROVED"));
		assertThat(instance).hasPassed("End_SupplierActionClosed").isEnded();
		SupplierCorrectiveAction closed = suppliers.action(action.getId());
		assertThat(closed.getStatus()).isEqualTo(SupplierActionStatus.CLOSED);
		assertThat(closed.getVerifiedBy()).isEqualTo("qc.engineer");
		assertThat(closed.getAnswers()).isEqualTo(2);
		assertThat(closed.getAnswer().rootCause()).isEqualTo("Formation oven drifted above its limit");
		assertThat(delivered(plant.contactEmail, "closed", 1)).hasSize(1);

		assertThat(closed.getHistory()).extracting(SupplierCorrectiveAction.HistoryEntry::status)
			.containsExactly(SupplierActionStatus.REQUESTED, SupplierActionStatus.AWAITING_ANSWER,
					SupplierActionStatus.AWAITING_ANSWER, SupplierActionStatus.AWAITING_ANSWER,
					SupplierActionStatus.ANSWERED, SupplierActionStatus.REJECTED, SupplierActionStatus.ANSWERED,
					SupplierActionStatus.CLOSED);
		// every mail of the action is listed under its reference, each once
		assertThat(notifications.mailsOf(action.getReference())).extracting(CaseMail::template)
			.containsExactly(MailTemplate.SUPPLIER_ACTION_REQUEST, MailTemplate.SUPPLIER_ACTION_REMINDER,
					MailTemplate.SUPPLIER_ACTION_REMINDER, MailTemplate.SUPPLIER_ANSWER_REJECTED,
					MailTemplate.SUPPLIER_ACTION_CLOSED);
	}

	@Test
	void aSupplierWithoutContactEmailGetsQcATaskAndTheRequestGoesOutOnceItIsAdded() {
		SupplierActionDriver plant = new SupplierActionDriver(engine, lots, suppliers);
		SupplierCorrectiveAction action = plant.request(quality);
		ProcessInstance instance = plant.process(action);

		assertThat(action.getStatus()).isEqualTo(SupplierActionStatus.CONTACT_NEEDED);
		assertThat(instance).isWaitingAt(TASK_ADD_SUPPLIER_CONTACT);
		assertThat(plant.task(action, TASK_ADD_SUPPLIER_CONTACT).getName())
			.isEqualTo("Add the contact email of " + plant.supplier + " for lot " + plant.lot);
		// the supplier is in the master data, without a contact
		assertThat(suppliers.findSupplier(plant.supplier))
			.hasValueSatisfying(s -> assertThat(s.hasContact()).isFalse());
		assertThat(notifications.mailsOf(action.getReference())).isEmpty();

		refused(() -> plant.complete(action, TASK_ADD_SUPPLIER_CONTACT, "qc.engineer", Map.of()), "contactEmail",
				"Enter the contact email of supplier " + plant.supplier);
		refused(() -> plant.complete(action, TASK_ADD_SUPPLIER_CONTACT, "qc.engineer",
				Map.of(VAR_CONTACT_EMAIL, "quality at supplier")), "contactEmail", "is not an email address");
		assertThat(instance).isWaitingAt(TASK_ADD_SUPPLIER_CONTACT);

		plant.complete(action, TASK_ADD_SUPPLIER_CONTACT, "qc.engineer",
				Map.of(VAR_CONTACT_NAME, "Lee Moss", VAR_CONTACT_EMAIL, plant.contactEmail));
		assertThat(instance).isWaitingAt(TASK_RECORD_ANSWER);
		assertThat(suppliers.action(action.getId()).getStatus()).isEqualTo(SupplierActionStatus.AWAITING_ANSWER);
		assertThat(suppliers.findSupplier(plant.supplier))
			.hasValueSatisfying(s -> assertThat(s.getContactEmail()).isEqualTo(plant.contactEmail));
		assertThat(delivered(plant.contactEmail, plant.lot, 1).get(0).text()).contains("Dear Lee Moss");
	}

	@Test
	void throughAnSmtpOutageEverySupplierMailIsDeliveredOnceWhenTheServerIsBack() {
		SupplierActionDriver plant = new SupplierActionDriver(engine, lots, suppliers).withContact();
		SupplierCorrectiveAction action;
		sink.stop();
		try {
			action = plant.request(quality);
			plant.fireReminder(action);
			String reference = action.getReference();
			await().atMost(DELIVERY)
				.untilAsserted(() -> assertThat(notifications.mailsOf(reference)).hasSize(2)
					.allSatisfy(mail -> assertThat(mail.attempts()).isGreaterThanOrEqualTo(2))
					.allSatisfy(
							mail -> assertThat(mail.status()).isIn(DeliveryStatus.PENDING, DeliveryStatus.SENDING)));
			// a step that runs again during the outage queues nothing twice
			suppliers.sendRequest(action.getId());
			assertThat(notifications.mailsOf(reference)).hasSize(2);
		}
		finally {
			sink.start();
		}
		String reference = action.getReference();
		await().atMost(DELIVERY)
			.untilAsserted(() -> assertThat(notifications.mailsOf(reference))
				.allSatisfy(mail -> assertThat(mail.status()).isEqualTo(DeliveryStatus.SENT)));
		assertThat(mailsTo(plant.contactEmail)).hasSize(2)
			.extracting(ReceivedMail::subject)
			.containsExactlyInAnyOrder("Corrective action request " + reference + ": your lot " + plant.lot,
					"Reminder: corrective action " + reference + " for your lot " + plant.lot);
	}

	/**
	 * The mails to the address whose subject contains the text, once that many arrived.
	 */
	private List<ReceivedMail> delivered(String address, String subjectPart, int count) {
		await().atMost(DELIVERY)
			.untilAsserted(() -> assertThat(mailsTo(address)).filteredOn(mail -> mail.subject().contains(subjectPart))
				.hasSize(count));
		return mailsTo(address).stream().filter(mail -> mail.subject().contains(subjectPart)).toList();
	}

	private List<ReceivedMail> mailsTo(String address) {
		return sink.received().stream().filter(mail -> mail.to().contains(address)).toList();
	}

	private static void refused(Runnable completion, String field, String sentence) {
		assertThatThrownBy(completion::run).satisfies(thrown -> {
			InvalidInputException refusal = null;
			for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
				if (cause instanceof InvalidInputException invalid) {
					refusal = invalid;
				}
			}
			assertThat(refusal).as("refusal in " + thrown).isNotNull();
			assertThat(refusal.getMessage()).contains(sentence);
			assertThat(refusal.violations()).extracting(InvalidInputException.Violation::field).contains(field);
		});
	}

}
