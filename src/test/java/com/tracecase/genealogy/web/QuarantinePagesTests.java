package com.tracecase.genealogy.web;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import com.tracecase.PageSession;
import com.tracecase.TracecaseIntegrationTest;
import com.tracecase.genealogy.Genealogy;
import com.tracecase.genealogy.LotManagement;
import com.tracecase.genealogy.LotStatus;
import com.tracecase.genealogy.NewLot;
import com.tracecase.genealogy.Part;
import com.tracecase.genealogy.PartKind;
import com.tracecase.genealogy.ServiceEvent;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quarantined stock page lists every quarantined lot with who, when and why, and lets
 * quality control release or scrap each with a reason, and nobody else.
 */
@TracecaseIntegrationTest
class QuarantinePagesTests {

	@LocalServerPort
	int port;

	@Autowired
	LotManagement lots;

	@Autowired
	Genealogy genealogy;

	final String p = "Q" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

	String held;

	String other;

	@BeforeEach
	void setUp() {
		String part = p + "-CAP";
		lots.createPart(new Part(part, "Capacitor 10 uF", PartKind.COMPONENT, new BigDecimal("0.01"), "Murata", false));
		held = p + "-CAP-L1";
		other = p + "-CAP-L2";
		for (String lot : new String[] { held, other }) {
			lots.createLot(new NewLot(lot, part, "Murata", "2611", new BigDecimal("4000"), LocalDate.now(), "Q-1", null,
					null));
			lots.changeStatus(lot, LotStatus.QUARANTINED, "qc.engineer", "Containment of " + lot + ": cracked caps");
		}
	}

	@Test
	void everyoneSeesTheQuarantinedLotsWithWhoAndWhy() throws Exception {
		Document page = Jsoup.parse(new PageSession(port, "prod.planner").get("/quarantine").body());
		Element row = page.getElementById("quarantined-" + held);
		assertThat(row).isNotNull();
		assertThat(row.text()).contains(p + "-CAP (Capacitor 10 uF)", "Murata", "4,000", "Q-1", "by qc.engineer",
				"Containment of " + held + ": cracked caps");
		assertThat(page.getElementById("quarantined-" + other)).isNotNull();
		// production sees the list, but quality control decides
		assertThat(row.select("form")).isEmpty();
		assertThat(row.text()).contains("Quality control decides");
		assertThat(page.getElementById("quarantine-count").text()).matches("\\d+ lots are quarantined\\.");
	}

	@Test
	void qcReleasesOneLotAndScrapsAnotherWithTheirReasons() throws Exception {
		PageSession qc = new PageSession(port, "qc.engineer");
		HttpResponse<String> released = qc.submit("/quarantine", "decide-" + held,
				Map.of("status", "AVAILABLE", "reason", "Supplier 8D: caps from this lot pass the bend test"));
		assertThat(released.statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(released.body()).getElementById("done-message").text())
			.isEqualTo("Lot " + held + " is released to stock.");
		assertThat(Jsoup.parse(released.body()).getElementById("quarantined-" + held)).isNull();
		assertThat(genealogy.getLot(held).status()).isEqualTo(LotStatus.AVAILABLE);
		assertThat(genealogy.lotHistory(held)).extracting(ServiceEvent::summary)
			.anySatisfy(summary -> assertThat(summary).contains("Supplier 8D: caps from this lot pass the bend test"));

		qc.submit("/quarantine", "decide-" + other, Map.of("status", "SCRAPPED", "reason", "Cracked caps"));
		assertThat(genealogy.getLot(other).status()).isEqualTo(LotStatus.SCRAPPED);
	}

	@Test
	void aDecisionWithoutReasonOrChoiceIsRefusedAtTheFormAndChangesNothing() throws Exception {
		PageSession qc = new PageSession(port, "qc.engineer");
		HttpResponse<String> noReason = qc.submit("/quarantine", "decide-" + held,
				Map.of("status", "AVAILABLE", "reason", " "));
		Document page = Jsoup.parse(noReason.body());
		assertThat(noReason.statusCode()).isEqualTo(200);
		assertThat(page.getElementById("error-summary").text())
			.contains("Give the reason for releasing or scrapping lot " + held + ".");
		assertThat(page.getElementById("reason-" + held).parent().hasClass("field-error")).isTrue();

		HttpResponse<String> noChoice = qc.submit("/quarantine", "decide-" + held, Map.of("reason", "Looks fine"));
		assertThat(Jsoup.parse(noChoice.body()).getElementById("error-summary").text())
			.contains("Choose to release the lot or to scrap it.");
		// a status other than the two ways out is refused just the same
		HttpResponse<String> shipped = qc.submit("/quarantine", "decide-" + held,
				Map.of("status", "SHIPPED", "reason", "x"));
		assertThat(Jsoup.parse(shipped.body()).getElementById("error-summary").text())
			.contains("Choose to release the lot or to scrap it.");
		assertThat(genealogy.getLot(held).status()).isEqualTo(LotStatus.QUARANTINED);
	}

	@Test
	void onlyQualityControlMayReleaseOrScrap() throws Exception {
		for (String user : new String[] { "prod.planner", "ops.manager", "cs.agent", "finance.approver" }) {
			PageSession session = new PageSession(port, user);
			session.get("/quarantine");
			// a valid token (of the sign-out form), so that only the groups can refuse it
			assertThat(session.csrf()).as(user).isNotBlank();
			HttpResponse<String> refused = session.post("/quarantine/" + held,
					Map.of("status", "AVAILABLE", "reason", "Looks fine", "_csrf", session.csrf()));
			assertThat(refused.statusCode()).as(user).isEqualTo(403);
		}
		assertThat(genealogy.getLot(held).status()).isEqualTo(LotStatus.QUARANTINED);
	}

}
