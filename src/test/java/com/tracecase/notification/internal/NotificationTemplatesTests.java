package com.tracecase.notification.internal;

import java.util.List;
import java.util.Map;

import com.tracecase.notification.MailTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NotificationTemplatesTests {

	private final MailRenderer renderer = new MailRenderer("https://tracecase.example.com/");

	private final Map<String, Object> model = Map.of("caseNumber", "FC-2026-000042", "serialNumber", "HX2-000042",
			"product", "Handheld scanner HX2", "suspectLots", List.of("L-2026-0142", "L-2026-0143"), "customerName",
			"Dana Miller", "symptom", "No power", "description", "Dead after charging overnight", "taskName",
			"Review investigation", "atRiskUnits", 120, "resolution", "The device was replaced.");

	@ParameterizedTest
	@EnumSource(
			value = MailTemplate.class, names = { "SUPPLIER_ACTION_REQUEST", "SUPPLIER_ACTION_REMINDER",
					"SUPPLIER_ANSWER_REJECTED", "SUPPLIER_ACTION_CLOSED", "RECALL_STARTED", "RECALL_NOTICE" },
			mode = EnumSource.Mode.EXCLUDE)
	void everyTemplateShowsTheCaseInSubjectHtmlAndText(MailTemplate template) {
		RenderedMail mail = renderer.render(template, model);

		assertThat(mail.subject()).isNotBlank().doesNotContain("\n", "[(", "${");
		assertThat(mail.html()).contains("FC-2026-000042", "HX2-000042", "Handheld scanner HX2")
			.doesNotContain("th:", "${");
		assertThat(mail.text()).contains("FC-2026-000042", "HX2-000042", "Handheld scanner HX2")
			.doesNotContain("[(", "[#", "${", "<");
	}

	@ParameterizedTest
	@EnumSource(value = MailTemplate.class,
			names = { "CUSTOMER_ACKNOWLEDGEMENT", "NO_FAULT_FOUND", "RESOLUTION", "SUPPLIER_ACTION_REQUEST",
					"SUPPLIER_ACTION_REMINDER", "SUPPLIER_ANSWER_REJECTED", "SUPPLIER_ACTION_CLOSED", "RECALL_STARTED",
					"RECALL_NOTICE" },
			mode = EnumSource.Mode.EXCLUDE)
	void staffMailsShowSuspectLotsAndLinkToTheCase(MailTemplate template) {
		RenderedMail mail = renderer.render(template, model);

		assertThat(mail.html()).contains("L-2026-0142, L-2026-0143",
				"href=\"https://tracecase.example.com/cases/FC-2026-000042\"");
		assertThat(mail.text()).contains("Suspect lots:   L-2026-0142, L-2026-0143",
				"https://tracecase.example.com/cases/FC-2026-000042");
	}

	@ParameterizedTest
	@EnumSource(value = MailTemplate.class, names = { "CUSTOMER_ACKNOWLEDGEMENT", "NO_FAULT_FOUND", "RESOLUTION" })
	void customerMailsLeaveOutInternalDetails(MailTemplate template) {
		RenderedMail mail = renderer.render(template, model);

		assertThat(mail.html()).contains("Dear <span>Dana Miller</span>").doesNotContain("L-2026-0142", "/cases/");
		assertThat(mail.text()).startsWith("Dear Dana Miller,").doesNotContain("L-2026-0142", "/cases/");
	}

	@ParameterizedTest
	@EnumSource(value = MailTemplate.class, names = { "SUPPLIER_ACTION_REQUEST", "SUPPLIER_ACTION_REMINDER",
			"SUPPLIER_ANSWER_REJECTED", "SUPPLIER_ACTION_CLOSED" })
	void supplierMailsNameTheActionAndItsLotAndLeaveOutEverythingInternal(MailTemplate template) {
		assertThat(template.isSupplierFacing()).isTrue();
		Map<String, Object> supplierModel = new java.util.HashMap<>(model);
		supplierModel.putAll(Map.of("reference", "SCA-42", "supplier", "Texas Instruments", "contactName",
				"Jordan Reyes", "lotCode", "U-BQ-0002", "partNumber", "U-BQ25895", "partDescription", "Charger <IC>",
				"finding", "Units fail to charge", "dueOn", "21 March 2026", "rejectionReason", "Show the log"));
		RenderedMail mail = renderer.render(template, supplierModel);

		assertThat(mail.subject()).contains("SCA-42").doesNotContain("\n", "[(", "${");
		for (String body : new String[] { mail.html(), mail.text() }) {
			assertThat(body).contains("SCA-42", "U-BQ-0002", "U-BQ25895", "Units fail to charge", "Jordan Reyes")
				// no case, no customer, no suspect lots of ours, no link into Tracecase
				.doesNotContain("FC-2026-000042", "Dana Miller", "L-2026-0142", "tracecase.example.com", "http", "th:",
						"[(", "${");
		}
		assertThat(mail.html()).contains("Charger &lt;IC&gt;");
	}

	@Test
	void theRecallNoticeTellsTheCustomerWhatToDoInPlainWordsAndNothingInternal() {
		RenderedMail mail = renderer.render(MailTemplate.RECALL_NOTICE, Map.of("recallReference", "RC-2026-0007",
				"serialNumber", "HX2-000042", "product", "Handheld scanner <HX2>", "customerName", "Dana Miller"));

		assertThat(MailTemplate.RECALL_NOTICE.isCustomerFacing()).isTrue();
		assertThat(mail.subject())
			.isEqualTo("Safety notice about your Handheld scanner <HX2>, serial number HX2-000042");
		for (String body : new String[] { mail.html(), mail.text() }) {
			assertThat(body.replaceAll("\\s+", " "))
				.contains("Dana Miller", "HX2-000042", "RC-2026-0007", "stop using it", "free of charge")
				.doesNotContain("tracecase.example.com", "/recalls/", "th:", "[(", "${");
		}
		assertThat(mail.html()).contains("Handheld scanner &lt;HX2&gt;");
	}

	@Test
	void theRecallStartMailGivesStaffTheCountsAndLinksToTheCampaign() {
		RenderedMail mail = renderer.render(MailTemplate.RECALL_STARTED,
				Map.of("recallReference", "RC-2026-0007", "lotCode", "L-2026-0142", "partNumber", "U-BQ25895", "reason",
						"Charger ICs fail", "startedBy", "qc.engineer", "units", 12, "inField", 9, "held", 3,
						"noticesMailed", 8, "withoutEmail", 1));

		assertThat(mail.subject()).isEqualTo("Recall campaign RC-2026-0007 started for lot L-2026-0142");
		assertThat(mail.text()).contains(
				"in the field: 9, of which 8 get the recall notice by mail and 1 have no" + " email address",
				"held as contained: 3", "https://tracecase.example.com/recalls/RC-2026-0007");
		assertThat(mail.html()).contains("href=\"https://tracecase.example.com/recalls/RC-2026-0007\"",
				"Charger ICs fail");
	}

	@Test
	void aRecallStoppedByAFailedStepSaysWhichCampaignAndLinksToIt() {
		RenderedMail mail = renderer.render(MailTemplate.ATTENTION_NEEDED, Map.of("recallReference", "RC-2026-0007",
				"step", "Recall campaign: Send the recall notices", "problem", "No connection"));

		assertThat(mail.subject()).isEqualTo(
				"Needs attention: recall campaign RC-2026-0007 is stopped at \"Recall campaign: Send the recall notices\"");
		assertThat(mail.text()).contains("Recall campaign RC-2026-0007 waits", "No connection",
				"Open the recall campaign: https://tracecase.example.com/recalls/RC-2026-0007");
		assertThat(mail.html()).contains("Open recall campaign RC-2026-0007 in Tracecase");
	}

	@Test
	void aLotContainedOnItsOwnThatStopsSaysWhichLotAndLinksToIt() {
		RenderedMail mail = renderer.render(MailTemplate.ATTENTION_NEEDED,
				Map.of("suspectLots", List.of("L-2026-0142"), "step", "Containment: Quarantine stock", "problem", "x"));

		assertThat(mail.subject()).isEqualTo(
				"Needs attention: the containment of lot L-2026-0142 is stopped at \"Containment: Quarantine stock\"");
		assertThat(mail.text()).contains("The containment of lot L-2026-0142 waits",
				"Open the lot: https://tracecase.example.com/lots/L-2026-0142");
		assertThat(mail.html()).contains("The containment of lot L-2026-0142", "Open lot L-2026-0142 in Tracecase");
	}

	@Test
	void aSupplierMailNeedsTheActionsReference() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> renderer.render(MailTemplate.SUPPLIER_ACTION_REQUEST, Map.of("caseNumber", "FC-1")))
			.withMessageContaining("reference");
	}

	@Test
	void userInputIsEscapedInHtml() {
		RenderedMail mail = renderer.render(MailTemplate.QC_NOTIFIED,
				Map.of("caseNumber", "FC-2026-000043", "symptom", "<script>alert('x')</script>", "customerName",
						"Tom & \"Jerry\"", "description", "<img src=x onerror=alert(1)>"));

		assertThat(mail.html()).doesNotContain("<script>", "<img")
			.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", "Tom &amp; &quot;Jerry&quot;",
					"&lt;img src=x onerror=alert(1)&gt;");
		assertThat(mail.text()).contains("Symptom:        <script>alert('x')</script>");
	}

	@Test
	void subjectIsOneLineWhateverTheInput() {
		RenderedMail mail = renderer.render(MailTemplate.QC_NOTIFIED,
				Map.of("caseNumber", "FC-2026-000044", "serialNumber", "HX2\r\nBcc: victim@example.com"));

		assertThat(mail.subject())
			.isEqualTo("Case FC-2026-000044: quality check needed for HX2 Bcc: victim@example.com");
	}

	@Test
	void suspectLotsMayComeAsOneString() {
		RenderedMail mail = renderer.render(MailTemplate.CONTAINMENT,
				Map.of("caseNumber", "FC-2026-000045", "suspectLots", "L-1, L-2"));

		assertThat(mail.subject()).isEqualTo("Containment: suspect lots of case FC-2026-000045 (L-1, L-2)");
	}

	@Test
	void optionalValuesMayBeMissing() {
		RenderedMail mail = renderer.render(MailTemplate.REMINDER, Map.of("caseNumber", "FC-2026-000046"));

		assertThat(mail.subject()).isEqualTo("Reminder: a task on case FC-2026-000046 is waiting");
		assertThat(mail.text()).doesNotContain("Serial number", "Suspect lots", "null");
		assertThat(mail.html()).doesNotContain("Serial number", "Suspect lots", "null");
	}

	@Test
	void theCaseNumberIsRequired() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> renderer.render(MailTemplate.RESOLUTION, Map.of("serialNumber", "HX2-1")))
			.withMessageContaining("caseNumber");
	}

}
