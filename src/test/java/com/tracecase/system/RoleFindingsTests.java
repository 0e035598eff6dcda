package com.tracecase.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tracecase.DemoLogin;
import com.tracecase.PageSession;
import com.tracecase.TracecaseIntegrationTest;
import com.tracecase.genealogy.LotManagement;
import com.tracecase.workflow.CaseFixture;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who sees customers' contact data and who may change the genealogy, checked as each demo
 * user.
 */
@TracecaseIntegrationTest
class RoleFindingsTests {

	private static final List<String> CUSTOMER_CONTACT = List.of("cs.agent", "ops.manager", "admin");

	private static final List<String> OTHERS = List.of("qc.engineer", "prod.planner", "finance.approver");

	@LocalServerPort
	int port;

	@Autowired
	ObjectMapper json;

	@Autowired
	LotManagement lots;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void onlyThoseWhoDealWithCustomersReadTheCustomersAddressesOfACase() throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String email = "kim." + suffix + "@customer.example";
		String phone = "+1 555 " + suffix.substring(0, 4);
		String serial = new CaseFixture().build(lots, false, 0).failedUnit();
		HttpResponse<String> filed = send("POST", "/api/failure-reports", "cs.agent",
				"{\"serialNumber\":\"" + serial + "\",\"customer\":{\"name\":\"Kim Lee\",\"email\":\"" + email
						+ "\",\"phone\":\"" + phone + "\"},\"symptomCategory\":\"NO_POWER\","
						+ "\"description\":\"Dead\",\"channel\":\"PHONE\"}");
		assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
		String caseNumber = json.readTree(filed.body()).path("caseNumber").asText();

		for (String user : CUSTOMER_CONTACT) {
			JsonNode customer = json.readTree(send("GET", "/api/cases/" + caseNumber, user, null).body())
				.path("customer");
			assertThat(customer.path("email").asText()).as(user).isEqualTo(email);
			assertThat(customer.path("phone").asText()).as(user).isEqualTo(phone);
			assertThat(new PageSession(port, user).get("/cases/" + caseNumber).body()).as(user).contains(email);
		}
		for (String user : OTHERS) {
			HttpResponse<String> response = send("GET", "/api/cases/" + caseNumber, user, null);
			assertThat(response.statusCode()).as(user).isEqualTo(200);
			assertThat(response.body()).as(user).doesNotContain(email).doesNotContain(phone);
			assertThat(json.readTree(response.body()).path("customer").path("tier").asText()).as(user).isNotBlank();
			assertThat(new PageSession(port, user).get("/cases/" + caseNumber).body()).as(user)
				.doesNotContain(email)
				.doesNotContain(phone);
		}
	}

	@Test
	void administratorsChangeTheGenealogyAsTheReadmePromises() throws Exception {
		String partNumber = "ADM-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		HttpResponse<String> part = send("POST", "/api/genealogy/parts", "admin",
				"{\"partNumber\":\"" + partNumber + "\",\"description\":\"Admin part\",\"kind\":\"COMPONENT\"}");
		assertThat(part.statusCode()).as(part.body()).isEqualTo(201);
		String lotCode = "ADM-LOT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		HttpResponse<String> lot = send("POST", "/api/genealogy/lots", "admin", "{\"lotCode\":\"" + lotCode
				+ "\",\"partNumber\":\"" + partNumber + "\",\"supplier\":\"ACME\",\"quantity\":10}");
		assertThat(lot.statusCode()).as(lot.body()).isEqualTo(201);
		HttpResponse<String> status = send("POST", "/api/genealogy/lots/" + lotCode + "/status", "admin",
				"{\"status\":\"QUARANTINED\",\"reason\":\"Checked by the administrator\"}");
		assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
		assertThat(json.readTree(send("GET", "/api/genealogy/lots/" + lotCode, "admin", null).body())
			.path("lot")
			.path("status")
			.asText()).isEqualTo("QUARANTINED");
	}

	private HttpResponse<String> send(String method, String path, String user, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", DemoLogin.basic(user))
			.header("Accept", "application/json")
			.method(method,
					body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
