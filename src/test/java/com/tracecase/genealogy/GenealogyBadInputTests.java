package com.tracecase.genealogy;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tracecase.TracecaseIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.tracecase.ProblemAssertions.assertNoInternals;
import static com.tracecase.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input to the genealogy API and import: each is refused with a 4xx problem that
 * names the field and shows nothing of the inside, and nothing of it is written.
 */
@TracecaseIntegrationTest
class GenealogyBadInputTests {

	private static final String PLANNER = "prod.planner";

	@LocalServerPort
	int port;

	@Autowired
	ObjectMapper json;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	LotManagement lots;

	ApiClient api;

	String p;

	String part;

	String reel;

	String build;

	String serial;

	String output;

	@BeforeEach
	void seed() {
		api = new ApiClient(port, json);
		p = "X" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		part = p + "-C";
		reel = p + "-C1";
		build = p + "-B";
		lots.createPart(new Part(part, "Capacitor", PartKind.COMPONENT, BigDecimal.ONE, "Murata", false));
		lots.createPart(new Part(p + "-D", "Device", PartKind.PRODUCT, BigDecimal.TEN, null, true));
		lots.createLot(new NewLot(reel, part, "Murata", null, new BigDecimal("100"), null, null, null, null));
		List<Lot> outputs = lots
			.createBuild(new NewBuild(build, p + "-D", BigDecimal.ONE, LocalDate.now(), true, p + "-SN", null));
		output = outputs.get(0).lotCode();
		serial = outputs.get(0).serialNumber();
	}

	@Test
	void overLongFieldsAreRefusedNamingTheField() {
		long before = rows();
		assertProblem(
				api.post("/api/genealogy/parts", PLANNER,
						Map.of("partNumber", "P".repeat(101), "description", "Long", "kind", "component")),
				422, "partNumber");
		assertProblem(
				api.post("/api/genealogy/parts", PLANNER,
						Map.of("partNumber", p + "-L", "description", "d".repeat(501), "kind", "component")),
				422, "description");
		assertProblem(api.post("/api/genealogy/lots", PLANNER,
				Map.of("lotCode", "L".repeat(101), "partNumber", part, "quantity", 1)), 422, "lotCode");
		assertProblem(
				api.post("/api/genealogy/lots", PLANNER,
						Map.of("lotCode", p + "-L2", "partNumber", part, "quantity", 1, "supplier", "s".repeat(201))),
				422, "supplier");
		assertProblem(api.post("/api/genealogy/serials/" + serial + "/events", PLANNER,
				Map.of("type", "T".repeat(65), "summary", "Too long a type")), 422, "type");
		assertProblem(api.post("/api/genealogy/builds", PLANNER,
				Map.of("buildCode", "B".repeat(98), "partNumber", p + "-D", "quantity", 1)), 422, "buildCode");
		assertThat(rows()).isEqualTo(before);
	}

	@Test
	void overLongContentTypeOfAnUploadIsRefused() {
		long before = rows();
		HttpResponse<String> response = api.multipart("/api/genealogy/lots/" + reel + "/files", PLANNER,
				Map.of("file", new ApiClient.Upload("report.pdf", "application/" + "x".repeat(300), new byte[] { 1 })));
		assertProblem(response, 422, "file.contentType");
		assertThat(rows()).isEqualTo(before);
	}

	@Test
	void numbersThatDoNotFitAreRefused() {
		long before = rows();
		assertProblem(api.post("/api/genealogy/parts", PLANNER, Map.of("partNumber", p + "-N", "description", "Costly",
				"kind", "component", "unitCost", new BigDecimal("1e20"))), 422, "unitCost");
		assertProblem(
				api.post("/api/genealogy/lots", PLANNER,
						Map.of("lotCode", p + "-N1", "partNumber", part, "quantity", new BigDecimal("1e15"))),
				422, "quantity");
		assertProblem(
				api.post("/api/genealogy/lots", PLANNER,
						Map.of("lotCode", p + "-N2", "partNumber", part, "quantity", new BigDecimal("0.0000001"))),
				422, "quantity");
		assertProblem(api.post("/api/genealogy/builds", PLANNER, Map.of("buildCode", p + "-BN", "partNumber", part,
				"quantity", new BigDecimal("1e15"), "trackOutputsSeparately", false)), 422, "quantity");
		assertProblem(
				api.post("/api/genealogy/builds/" + build + "/consumptions", PLANNER,
						List.of(Map.of("consumedLotCode", reel, "quantity", new BigDecimal("1e15")))),
				422, "[0].quantity");
		assertThat(rows()).isEqualTo(before);
	}

	@Test
	void nulBytesAreRefusedNamingTheField() {
		long before = rows();
		assertProblem(
				api.post("/api/genealogy/parts", PLANNER,
						Map.of("partNumber", p + "-Z", "description", "Cap\u0000acitor", "kind", "component")),
				422, "description");
		assertProblem(api.post("/api/genealogy/parts", PLANNER, Map.of("partNumber", p + "-Z", "description",
				"Capacitor", "kind", "component", "manufacturer", "Mu\u0000rata")), 422, "manufacturer");
		assertProblem(
				api.post("/api/genealogy/lots", PLANNER,
						Map.of("lotCode", p + "-Z1", "partNumber", part, "quantity", 1, "supplier", "Mu\u0000rata")),
				422, "supplier");
		assertProblem(api.post("/api/genealogy/serials/" + serial + "/events", PLANNER,
				Map.of("type", "INSPECTED", "summary", "Looks \u0000 fine")), 422, "summary");
		assertProblem(api.post("/api/genealogy/lots/" + reel + "/status", PLANNER,
				Map.of("status", "quarantined", "reason", "bad\u0000reel")), 422, "reason");
		assertProblem(
				api.multipart("/api/genealogy/lots/" + reel + "/files", PLANNER,
						Map.of("file", new ApiClient.Upload("x-ray\u0000.pdf", "application/pdf", new byte[] { 1 }))),
				422, "fileName");
		assertProblem(
				api.multipart("/api/genealogy/lots/" + reel + "/files", PLANNER,
						Map.of("file", new ApiClient.Upload("x-ray\u0001.pdf", "application/pdf", new byte[] { 1 }))),
				422, "file.fileName");
		assertThat(rows()).isEqualTo(before);
		assertThat(api.getJson("/api/genealogy/lots/" + reel, "cs.agent").path("lot").path("status").asText())
			.isEqualTo("AVAILABLE");
	}

	@Test
	void consumptionsAreAllOrNothing() {
		long before = consumptions();
		HttpResponse<String> refused = api.post("/api/genealogy/builds/" + build + "/consumptions", PLANNER, List
			.of(Map.of("consumedLotCode", reel, "producedLotCode", output), Map.of("consumedLotCode", p + "-NOPE")));
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(consumptions()).as("the valid consumption is not kept").isEqualTo(before);
		JsonNode problem = assertProblem(refused, 422, "[1].consumedLotCode");
		assertThat(problem.path("detail").asText()).contains(p + "-NOPE");
		assertThat(api
			.post("/api/genealogy/builds/" + build + "/consumptions", PLANNER,
					List.of(Map.of("consumedLotCode", reel, "producedLotCode", output)))
			.statusCode()).isEqualTo(204);
		assertThat(consumptions()).isEqualTo(before + 1);
		assertProblem(api.post("/api/genealogy/builds/" + build + "/consumptions", PLANNER, List.of()), 422,
				"consumptions");
	}

	@Test
	void buildQuantityZeroIsRefusedByTheApiAndTheImport() {
		long before = rows();
		JsonNode api422 = assertProblem(api.post("/api/genealogy/builds", PLANNER,
				Map.of("buildCode", p + "-B0", "partNumber", part, "quantity", 0)), 422, "quantity");
		JsonNode import422 = rejectedImport(Map.of("builds", """
				build_code,part_number,quantity,started_on,completed_on
				%1$s-B0,%1$s-C,0,2025-02-01,
				""".formatted(p)));
		assertThat(import422.path("errors")).anySatisfy(error -> {
			assertThat(error.path("file").asText()).isEqualTo("builds.csv");
			assertThat(error.path("column").asText()).isEqualTo("quantity");
			assertThat(error.path("message").asText()).isEqualTo(InputRules.BUILD_QUANTITY_RULE);
		});
		assertThat(api422.path("errors").get(0).path("message").asText()).isEqualTo(InputRules.BUILD_QUANTITY_RULE);
		assertThat(rows()).isEqualTo(before);
	}

	@Test
	void codesThatCannotBeAddressedAreRefusedOnTheApiAndOnImport() {
		long before = rows();
		for (String bad : List.of("/1", ";1", "%1", " 1", "#1", "?1")) {
			String code = p + bad;
			JsonNode lot = assertProblem(api.post("/api/genealogy/lots", PLANNER,
					Map.of("lotCode", code, "partNumber", part, "quantity", 1)), 422, "lotCode");
			assertThat(lot.path("detail").asText()).contains(code).contains("URL");
			assertProblem(api.post("/api/genealogy/parts", PLANNER,
					Map.of("partNumber", code, "description", "Odd", "kind", "component")), 422, "partNumber");
			assertProblem(
					api.post("/api/genealogy/lots", PLANNER,
							Map.of("lotCode", p + "-S", "partNumber", part, "quantity", 1, "serialNumber", code)),
					422, "serialNumber");
			JsonNode imported = rejectedImport(Map.of("lots",
					"lot_code,part_number,quantity,serial_number\n\"%s\",%s,1,\n%s-OK,%s,1,\"%s\"\n".formatted(code,
							part, p, part, code),
					"parts", "part_number,description,kind\n\"%s\",Odd,component\n".formatted(code)));
			assertThat(imported.path("errors")).as(imported.toString()).anySatisfy(error -> {
				assertThat(error.path("file").asText()).isEqualTo("lots.csv");
				assertThat(error.path("column").asText()).isEqualTo("lot_code");
				assertThat(error.path("message").asText()).contains(code).contains("URL");
			});
			assertThat(imported.path("errors")).anySatisfy(error -> {
				assertThat(error.path("column").asText()).isEqualTo("serial_number");
				assertThat(error.path("line").asLong()).isEqualTo(3);
			});
			assertThat(imported.path("errors")).anySatisfy(error -> {
				assertThat(error.path("file").asText()).isEqualTo("parts.csv");
				assertThat(error.path("column").asText()).isEqualTo("part_number");
			});
		}
		assertThat(rows()).isEqualTo(before);
		// what is allowed is still addressable
		String code = p + "-A.b_c:1+2";
		api.postJson("/api/genealogy/lots", PLANNER, Map.of("lotCode", code, "partNumber", part, "quantity", 1), 201);
		assertThat(api.getJson("/api/genealogy/lots/" + code, "cs.agent").path("lot").path("lotCode").asText())
			.isEqualTo(code);
	}

	@Test
	void writesNegotiateTheAnswerBeforeAnythingIsWritten() {
		long before = rows();
		HttpResponse<String> response = api.postAccept("/api/genealogy/lots", PLANNER,
				Map.of("lotCode", p + "-XML", "partNumber", part, "quantity", 1), "application/xml");
		assertThat(response.statusCode()).isEqualTo(406);
		assertNoInternals(response.body());
		assertThat(rows()).isEqualTo(before);
		assertThat(api.get("/api/genealogy/lots/" + p + "-XML", "cs.agent").statusCode()).isEqualTo(404);
	}

	private JsonNode rejectedImport(Map<String, String> files) {
		Map<String, ApiClient.Upload> uploads = new LinkedHashMap<>();
		files.forEach((field, content) -> uploads.put(field, ApiClient.Upload.csv(field + ".csv", content)));
		HttpResponse<String> response = api.multipart("/api/genealogy/imports", PLANNER, uploads);
		return assertProblem(response, 422, null);
	}

	private long consumptions() {
		return jdbc.queryForObject("SELECT count(*) FROM gen_consumption c JOIN gen_build b ON b.id = c.build_id "
				+ "WHERE b.build_code = ?", Long.class, build);
	}

	/** Every row the genealogy's writes could leave behind. */
	private long rows() {
		Map<String, Long> counts = new HashMap<>();
		for (String table : List.of("gen_part", "gen_build", "gen_lot", "gen_consumption", "gen_build_link",
				"gen_lot_status_change", "gen_lot_file", "gen_service_event", "gen_repair")) {
			counts.put(table, jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class));
		}
		return counts.values().stream().mapToLong(Long::longValue).sum();
	}

}
