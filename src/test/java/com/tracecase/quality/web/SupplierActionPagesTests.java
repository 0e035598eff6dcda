package com.tracecase.quality.web;

import java.net.http.HttpResponse;
import java.time.ZoneOffset;
import java.util.Map;

import com.tracecase.PageSession;
import com.tracecase.PrometheusScrape;
import com.tracecase.TestClock;
import com.tracecase.TracecaseIntegrationTest;
import com.tracecase.genealogy.LotManagement;
import com.tracecase.quality.QualityManagement;
import com.tracecase.quality.SupplierActionStatus;
import com.tracecase.quality.SupplierCorrectiveAction;
import com.tracecase.quality.SupplierManagement;
import com.tracecase.shared.Labels;
import com.tracecase.workflow.SupplierActionDriver;
import org.camunda.bpm.engine.ProcessEngine;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The supplier action pages: the list with status, supplier, lot and due date, overdue
 * ones marked and filtered; one action with its request, open task, answer, verdict,
 * history and mails, where QC enters the answer and the verdict; the suppliers page; the
 * overdue actions in the managers' view, as CSV and as a Prometheus gauge.
 */
@TracecaseIntegrationTest
class SupplierActionPagesTests {

	@LocalServerPort
	int port;

	@Autowired
	ProcessEngine engine;

	@Autowired
	LotManagement lots;

	@Autowired
	QualityManagement quality;

	@Autowired
	SupplierManagement suppliers;

	@Autowired
	TestClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void qcRecordsTheAnswerAndTheVerdictOnTheActionsPage() throws Exception {
		SupplierActionDriver plant = new SupplierActionDriver(engine, lots, suppliers).withContact();
		SupplierCorrectiveAction action = plant.request(quality);
		String path = "/supplier-actions/" + action.getId();
		PageSession qc = new PageSession(port, "qc.engineer");

		Document page = page(qc, path);
		assertThat(page.getElementById("action-reference").text()).isEqualTo(action.getReference());
		assertThat(page.getElementById("action-status").text())
			.isEqualTo(Labels.label(SupplierActionStatus.AWAITING_ANSWER));
		assertThat(page.getElementById("lot-link").attr("href")).isEqualTo("/lots/" + plant.lot);
		assertThat(page.getElementById("answer-due").text()).isEqualTo(Labels.date(action.getAnswerDueOn()));
		Element task = page.getElementById("open-task").selectFirst("a");
		assertThat(task.text()).isEqualTo("Record the 8D answer of " + plant.supplier + " for lot " + plant.lot);
		assertThat(task.attr("href"))
			.isEqualTo("/camunda/app/tasklist/default/#/?task=" + plant.task(action, "Task_RecordAnswer").getId());
		assertThat(page.getElementById("action-mails").text()).contains(plant.contactEmail,
				"Corrective action request (to the supplier)");
		assertThat(page.getElementById("verdict-form")).isNull();

		// a part missing: named at the form, what was typed kept, nothing written
		Document refused = parse(qc.submit(path, "answer-form", Map.of("containmentAction", "Stock sorted", "rootCause",
				"", "correctiveAction", "Limit tightened", "preventiveAction", "Logging")));
		assertThat(refused.getElementById("error-summary").text())
			.contains("The root cause of the supplier's 8D answer is missing.");
		assertThat(refused.getElementById("rootCause").parent().hasClass("field-error")).isTrue();
		assertThat(refused.getElementById("containmentAction").text()).isEqualTo("Stock sorted");
		assertThat(suppliers.action(action.getId()).getStatus()).isEqualTo(SupplierActionStatus.AWAITING_ANSWER);

		Document answered = parse(qc.submit(path, "answer-form", Map.of("containmentAction", "Stock sorted",
				"rootCause", "Oven drift", "correctiveAction", "Limit tightened", "preventiveAction", "Logging")));
		assertThat(answered.getElementById("done-message").text()).contains("8D answer is recorded");
		assertThat(answered.getElementById("action-answer").text()).contains("Oven drift", "by qc.engineer");
		assertThat(answered.getElementById("open-task").text()).startsWith("Verify the 8D answer");
		assertThat(answered.getElementById("answer-form")).isNull();

		Document noReason = parse(qc.submit(path, "verdict-form", Map.of("verdict", "REJECTED")));
		assertThat(noReason.getElementById("error-summary").text()).contains("Say why the answer is rejected");
		assertThat(noReason.getElementById("verdict-rejected").hasAttr("checked")).isTrue();

		Document rejected = parse(qc.submit(path, "verdict-form",
				Map.of("verdict", "REJECTED", "rejectionReason", "Show the oven's log")));
		assertThat(rejected.getElementById("action-status").text())
			.isEqualTo(Labels.label(SupplierActionStatus.REJECTED));
		assertThat(rejected.getElementById("action-verification").text()).contains("Show the oven's log");

		qc.submit(path, "answer-form", Map.of("containmentAction", "Stock sorted", "rootCause", "Oven drift, logged",
				"correctiveAction", "Limit tightened", "preventiveAction", "Logging"));
		Document closed = parse(qc.submit(path, "verdict-form", Map.of("verdict", "VERIFIED")));
		assertThat(closed.getElementById("action-status").text()).isEqualTo(Labels.label(SupplierActionStatus.CLOSED));
		assertThat(closed.getElementById("no-open-task")).isNotNull();
		assertThat(closed.getElementById("action-history").select("li"))
			.hasSize(suppliers.action(action.getId()).getHistory().size());
		assertThat(closed.getElementById("action-history").text()).contains(
				"· qc.engineer " + Labels.label(SupplierActionStatus.CLOSED) + ": Answer verified",
				"Why: Show the oven's log");
	}

	@Test
	void onlyQcManagersAndAdministratorsEnterAnswersAndEveryoneSignedInReads() throws Exception {
		SupplierActionDriver plant = new SupplierActionDriver(engine, lots, suppliers).withContact();
		SupplierCorrectiveAction action = plant.request(quality);
		for (String user : new String[] { "prod.planner", "cs.agent", "finance.approver" }) {
			PageSession session = new PageSession(port, user);
			Document page = page(session, "/supplier-actions/" + action.getId());
			assertThat(page.getElementById("answer-form")).as(user).isNull();
			HttpResponse<String> refused = session.post("/supplier-actions/" + action.getId() + "/answer",
					Map.of("containmentAction", "a", "rootCause", "b", "correctiveAction", "c", "preventiveAction", "d",
							"_csrf", session.csrf()));
			assertThat(refused.statusCode()).as(user).isEqualTo(403);
			assertThat(new PageSession(port, user).get("/suppliers").statusCode()).as(user).isEqualTo(403);
		}
		assertThat(suppliers.action(action.getId()).getStatus()).isEqualTo(SupplierActionStatus.AWAITING_ANSWER);
	}

	@Test
	void overdueActionsAreMarkedFilteredAndInTheManagersView() throws Exception {
		SupplierActionDriver plant = new SupplierActionDriver(engine, lots, suppliers).withContact();
		SupplierCorrectiveAction action = plant.request(quality);
		PageSession qc = new PageSession(port, "qc.engineer");

		Element row = page(qc, "/supplier-actions?lot=" + plant.lot).getElementById("action-" + action.getId());
		assertThat(row.text()).contains(action.getReference(), plant.supplier, plant.lot,
				Labels.label(SupplierActionStatus.AWAITING_ANSWER), Labels.date(action.getAnswerDueOn()));
		assertThat(row.select(".overdue")).isEmpty();
		assertThat(page(qc, "/supplier-actions?overdue=true").getElementById("action-" + action.getId())).isNull();
		double before = scrape().value("tracecase_supplier_actions_overdue");

		// three days past the due date
		clock.set(action.getAnswerDueOn().plusDays(3).atTime(9, 0).toInstant(ZoneOffset.UTC));
		Element overdue = page(qc, "/supplier-actions?overdue=true").getElementById("action-" + action.getId());
		assertThat(overdue).isNotNull();
		assertThat(overdue.select(".overdue").text()).isEqualTo("Overdue");
		assertThat(
				page(qc, "/supplier-actions?status=CLOSED&lot=" + plant.lot).getElementById("action-" + action.getId()))
			.isNull();
		assertThat(page(qc, "/supplier-actions?status=LOST").getElementById("error-summary").text())
			.contains("'LOST' is not a status of a supplier action");

		PageSession manager = new PageSession(port, "ops.manager");
		Element table = page(manager, "/dashboard").getElementById("overdue-supplier-actions-table");
		assertThat(table).isNotNull();
		assertThat(table.select("tr:contains(" + action.getReference() + ")").text()).contains(plant.supplier,
				plant.lot, Labels.date(action.getAnswerDueOn()), " 3 ");
		HttpResponse<String> csv = manager.get("/api/metrics/overdue-supplier-actions?format=csv");
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.body())
			.contains(action.getReference() + "," + action.getId() + "," + plant.supplier + "," + plant.lot + ",,"
					+ Labels.label(SupplierActionStatus.AWAITING_ANSWER) + "," + action.getAnswerDueOn() + ",3,0");
		assertThat(scrape().value("tracecase_supplier_actions_overdue")).isGreaterThanOrEqualTo(before + 1);
	}

	@Test
	void qcAddsAndChangesSuppliersAndABadAddressIsNamedAtTheForm() throws Exception {
		SupplierActionDriver plant = new SupplierActionDriver(engine, lots, suppliers);
		PageSession qc = new PageSession(port, "qc.engineer");
		Document bad = parse(qc.submit("/suppliers", "add-supplier",
				Map.of("name", plant.supplier, "contactName", "Kim Park", "contactEmail", "kim at supplier")));
		assertThat(bad.getElementById("error-summary").text())
			.contains("The contact email 'kim at supplier' is not an email address.");
		assertThat(bad.getElementById("contactEmail-new").parent().hasClass("field-error")).isTrue();
		assertThat(bad.getElementById("name-new").val()).isEqualTo(plant.supplier);
		assertThat(suppliers.findSupplier(plant.supplier)).isEmpty();

		Document added = parse(qc.submit("/suppliers", "add-supplier",
				Map.of("name", plant.supplier, "contactName", "Kim Park", "contactEmail", "")));
		assertThat(added.getElementById("done-message").text()).isEqualTo("Supplier " + plant.supplier + " is added.");
		long id = suppliers.findSupplier(plant.supplier).orElseThrow().getId();
		assertThat(added.getElementById("supplier-" + id).select(".no-contact").text()).isEqualTo("No contact email");

		parse(qc.submit("/suppliers", "edit-" + id,
				Map.of("name", plant.supplier, "contactName", "Kim Park", "contactEmail", plant.contactEmail)));
		assertThat(suppliers.supplier(id).getContactEmail()).isEqualTo(plant.contactEmail);
		assertThat(page(qc, "/suppliers").getElementById("supplier-" + id).select(".no-contact")).isEmpty();
	}

	private static Document page(PageSession session, String path) throws Exception {
		assertThat(session.get(path).statusCode()).as(path).isEqualTo(200);
		return session.page();
	}

	private static Document parse(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return org.jsoup.Jsoup.parse(response.body());
	}

	private PrometheusScrape scrape() throws Exception {
		HttpResponse<String> response = new PageSession(port, "ops.manager").get("/actuator/prometheus");
		assertThat(response.statusCode()).isEqualTo(200);
		return new PrometheusScrape(response.body());
	}

}
