package com.tracecase.genealogy;

import java.time.Duration;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each class of import error is answered with 422 problem details naming file, line and
 * column, and leaves the database as it was.
 */
@TracecaseIntegrationTest
class GenealogyImportTests {

	private static final String LOTS_HEADER = "lot_code,part_number,supplier,quantity,created_on,status,serial_number,build_code\n";

	private static final String USES_HEADER = "build_code,consumed_lot_code,quantity,produced_lot_code\n";

	@LocalServerPort
	int port;

	@Autowired
	ObjectMapper json;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	io.micrometer.core.instrument.MeterRegistry meters;

	ApiClient api;

	String p;

	@BeforeEach
	void seed() {
		api = new ApiClient(port, json);
		p = "I" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		// existing rows the imports below refer to: parts, two builds with one output
		// each, a reel
		importOk(Map.of("parts", """
				part_number,description,kind,unit_cost,manufacturer
				%1$s-C,Capacitor 100n,component,0.01,Murata
				%1$s-SA,Assembly A,subassembly,,
				%1$s-SB,Assembly B,subassembly,,
				""".formatted(p), "builds", """
				build_code,part_number,quantity,started_on,completed_on
				%1$s-BA,%1$s-SA,1,2025-02-01,2025-02-02
				%1$s-BB,%1$s-SB,1,2025-02-01,
				""".formatted(p), "lots", LOTS_HEADER + """
				%1$s-C1,%1$s-C,Murata,4000,2025-01-15,,,
				%1$s-OA,%1$s-SA,,1,2025-02-02,,%1$s-SN-A,%1$s-BA
				%1$s-OB,%1$s-SB,,1,2025-02-02,,%1$s-SN-B,%1$s-BB
				""".formatted(p)));
	}

	@Test
	void importsAllFilesAndNumbersBuildOutputs() {
		JsonNode lot = api.getJson("/api/genealogy/lots/" + p + "-OB", "cs.agent").path("lot");
		assertThat(lot.path("status").asText()).isEqualTo("IN_PRODUCTION");
		assertThat(lot.path("sequenceInBuild").asInt()).isEqualTo(1);
		assertThat(api.getJson("/api/genealogy/lots/" + p + "-OA", "cs.agent").path("lot").path("status").asText())
			.isEqualTo("AVAILABLE");
		JsonNode part = api.getJson("/api/genealogy/parts/" + p + "-C", "cs.agent");
		assertThat(part.path("kind").asText()).isEqualTo("COMPONENT");
		assertThat(part.path("unitCost").decimalValue()).isEqualByComparingTo("0.01");
	}

	@Test
	void everyPhaseOfAnImportShowsInTheImportMeter() {
		// counts before this test's own import (others ran before it in this context)
		double lotsBefore = phaseCount("insert lots");
		importOk(Map.of("lots", LOTS_HEADER + """
				%1$s-C2,%1$s-C,Murata,100,2025-01-16,,,
				""".formatted(p)));
		assertThat(phaseCount("insert lots")).isEqualTo(lotsBefore + 1);
		assertThat(meters.find("tracecase.import.phase").timers()).extracting(t -> t.getId().getTag("phase"))
			.contains("copy lots.csv", "validate lots.csv", "insert lots");
	}

	private double phaseCount(String phase) {
		io.micrometer.core.instrument.Timer timer = meters.find("tracecase.import.phase").tag("phase", phase).timer();
		return timer == null ? 0 : timer.count();
	}

	@Test
	void shipmentsSayWhoHasEachUnitThroughTheImportAndTheApi() {
		importOk(Map.of("lots", LOTS_HEADER + """
				%1$s-OC,%1$s-SA,,1,2025-02-02,shipped,%1$s-SN-C,
				""".formatted(p), "shipments", """
				serial_number,customer_name,customer_email,shipped_on,reference
				%1$s-SN-A,Northwind Traders,Buyer@Northwind.example,2025-03-01,DN-1001
				%1$s-SN-C, Contoso Retail ,,2025-03-04,
				""".formatted(p)));
		JsonNode shipped = api.getJson("/api/genealogy/serials/" + p + "-SN-A/shipments", "cs.agent");
		assertThat(shipped).hasSize(1);
		assertThat(shipped.get(0).path("customerName").asText()).isEqualTo("Northwind Traders");
		assertThat(shipped.get(0).path("customerEmail").asText()).isEqualTo("buyer@northwind.example");
		assertThat(shipped.get(0).path("shippedOn").asText()).isEqualTo("2025-03-01");
		assertThat(shipped.get(0).path("reference").asText()).isEqualTo("DN-1001");
		// a unit imported in the same upload
		JsonNode other = api.getJson("/api/genealogy/serials/" + p + "-SN-C/shipments", "cs.agent");
		assertThat(other.get(0).path("customerName").asText()).isEqualTo("Contoso Retail");
		assertThat(other.get(0).has("customerEmail")).isFalse();

		// shipped again after a return: the latest comes first
		var again = api.post("/api/genealogy/serials/" + p + "-SN-A/shipments", "prod.planner",
				Map.of("customerName", "Fabrikam", "customerEmail", "ops@fabrikam.example", "shippedOn", "2025-06-02"));
		assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
		assertThat(api.read(again)).extracting(s -> s.path("customerName").asText())
			.containsExactly("Fabrikam", "Northwind Traders");
		// customer data: not for production
		assertThat(api.get("/api/genealogy/serials/" + p + "-SN-A/shipments", "prod.planner").statusCode())
			.isEqualTo(403);
	}

	@Test
	void badShipmentsAreRefusedByTheImportAndTheApiNamingTheField() {
		String header = "serial_number,customer_name,customer_email,shipped_on,reference\n";
		assertRejected(Map.of("shipments", header + p + "-SN-NOPE,Northwind,,2025-03-01,\n"), "shipments.csv", 2,
				"serial_number", "does not exist");
		assertRejected(Map.of("shipments", header + p + "-SN-A, ,,2025-03-01,\n"), "shipments.csv", 2, "customer_name",
				"name is required");
		assertRejected(Map.of("shipments", header + p + "-SN-A,Northwind,not-an-address,2025-03-01,\n"),
				"shipments.csv", 2, "customer_email", "is not an email address");
		assertRejected(Map.of("shipments", header + p + "-SN-A,Northwind,,2025-02-30,\n"), "shipments.csv", 2,
				"shipped_on", "is not a date");
		assertRejected(Map.of("shipments", header + p + "-SN-A,Northwind,,,\n"), "shipments.csv", 2, "shipped_on",
				"shipping date is required");

		long before = rows();
		var refused = api.post("/api/genealogy/serials/" + p + "-SN-A/shipments", "prod.planner", Map.of("customerName",
				"Bad\u0000Name", "customerEmail", "nobody", "shippedOn", "2999-01-01", "reference", "x".repeat(101)));
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
		assertThat(api.read(refused).path("errors")).extracting(e -> e.path("field").asText())
			.containsExactlyInAnyOrder("customerName", "customerEmail", "shippedOn", "reference");
		assertThat(api
			.post("/api/genealogy/serials/" + p + "-SN-NOPE/shipments", "prod.planner",
					Map.of("customerName", "Northwind", "shippedOn", "2025-03-01"))
			.statusCode()).isEqualTo(404);
		assertThat(rows()).isEqualTo(before);
	}

	@Test
	void unknownReference() {
		assertRejected(Map.of("lots", LOTS_HEADER + """
				%1$s-N1,%1$s-C,Murata,10,,,,
				%1$s-N2,%1$s-NOPE,Murata,10,,,,
				""".formatted(p)), "lots.csv", 3, "part_number", "does not exist");
		assertRejected(Map.of("consumptions", USES_HEADER + """
				%1$s-BA,%1$s-C1,1,
				%1$s-BX,%1$s-C1,1,
				""".formatted(p)), "consumptions.csv", 3, "build_code", "does not exist");
	}

	@Test
	void duplicateCodesAndSerials() {
		assertRejected(Map.of("lots", LOTS_HEADER + """
				%1$s-N1,%1$s-C,Murata,10,,,,
				%1$s-N2,%1$s-C,Murata,10,,,,
				%1$s-N1,%1$s-C,Murata,10,,,,
				""".formatted(p)), "lots.csv", 4, "lot_code", "more than once (first on line 2)");
		assertRejected(Map.of("lots", LOTS_HEADER + """
				%1$s-C1,%1$s-C,Murata,10,,,,
				""".formatted(p)), "lots.csv", 2, "lot_code", "already exists");
		assertRejected(Map.of("lots", LOTS_HEADER + """
				%1$s-N1,%1$s-C,,1,,,%1$s-SN-X,
				%1$s-N2,%1$s-C,,1,,,%1$s-SN-A,
				""".formatted(p)), "lots.csv", 3, "serial_number", "already exists");
		assertRejected(Map.of("parts", """
				part_number,description,kind
				%1$s-C,Again,component
				""".formatted(p)), "parts.csv", 2, "part_number", "already exists");
	}

	@Test
	void badNumbersAndDates() {
		assertRejected(Map.of("lots", LOTS_HEADER + """
				%1$s-N1,%1$s-C,Murata,12x,,,,
				""".formatted(p)), "lots.csv", 2, "quantity", "not a number");
		assertRejected(Map.of("lots", LOTS_HEADER + """
				%1$s-N1,%1$s-C,Murata,12,2025-01-01,,,
				%1$s-N2,%1$s-C,Murata,12,2025-02-30,,,
				""".formatted(p)), "lots.csv", 3, "created_on", "not a date");
		assertRejected(Map.of("builds", """
				build_code,part_number,quantity,started_on,completed_on
				%1$s-B9,%1$s-SA,10,01/02/2025,
				""".formatted(p)), "builds.csv", 2, "started_on", "not a date");
		assertRejected(Map.of("parts", """
				part_number,description,kind,unit_cost
				%1$s-X,Thing,gadget,1
				""".formatted(p)), "parts.csv", 2, "kind", "not a part kind");
	}

	@Test
	void negativeQuantities() {
		assertRejected(Map.of("lots", LOTS_HEADER + """
				%1$s-N1,%1$s-C,Murata,-5,,,,
				""".formatted(p)), "lots.csv", 2, "quantity", "must not be negative");
		assertRejected(Map.of("consumptions", USES_HEADER + """
				%1$s-BA,%1$s-C1,-1,
				""".formatted(p)), "consumptions.csv", 2, "quantity", "must not be negative");
	}

	@Test
	void producedLotMustBeAnOutputOfTheBuild() {
		assertRejected(Map.of("consumptions", USES_HEADER + """
				%1$s-BA,%1$s-C1,1,%1$s-OA
				%1$s-BA,%1$s-C1,1,%1$s-OB
				""".formatted(p)), "consumptions.csv", 3, "produced_lot_code", "not an output of build");
	}

	@Test
	void cyclesAreRejected() {
		// BA consumes BB's output and BB consumes BA's output
		assertRejected(Map.of("consumptions", USES_HEADER + """
				%1$s-BB,%1$s-OA,1,%1$s-OB
				%1$s-BA,%1$s-OB,1,%1$s-OA
				""".formatted(p)), "consumptions.csv", 2, "consumed_lot_code", "cyclic");
		// a build consuming its own output
		assertRejected(Map.of("consumptions", USES_HEADER + """
				%1$s-BA,%1$s-OA,1,
				""".formatted(p)), "consumptions.csv", 2, "consumed_lot_code", "cyclic");
		// the same cycle across two imports: the first half lands, the second is refused
		importOk(Map.of("consumptions", USES_HEADER + "%1$s-BB,%1$s-OA,1,%1$s-OB\n".formatted(p)));
		assertRejected(Map.of("consumptions", USES_HEADER + "%1$s-BA,%1$s-OB,1,\n".formatted(p)), "consumptions.csv", 2,
				"consumed_lot_code", "cyclic");
		assertThat(api
			.post("/api/genealogy/builds/" + p + "-BA/consumptions", "prod.planner",
					List.of(Map.of("consumedLotCode", p + "-OB")))
			.statusCode()).isEqualTo(422);
	}

	@Test
	void unreadableCsvAndHeaders() {
		assertRejected(Map.of("lots", LOTS_HEADER + """
				%1$s-N1,%1$s-C,Murata,10,,,,
				%1$s-N2,%1$s-C,Murata,10,,,,,,extra
				""".formatted(p)), "lots.csv", 3, null, "extra data");
		assertRejected(Map.of("lots", "lot_code,part_number,colour\n%1$s-N1,%1$s-C,red\n".formatted(p)), "lots.csv", 1,
				"colour", "Unknown column");
		assertRejected(Map.of("lots", "lot_code,supplier\n%1$s-N1,Murata\n".formatted(p)), "lots.csv", 1, "part_number",
				"lacks the column");
	}

	@Test
	void reportsTheFirstHundredErrorsInFileOrder() {
		StringBuilder lots = new StringBuilder(LOTS_HEADER);
		for (int i = 0; i < 150; i++) {
			lots.append(p).append("-M").append(i).append(',').append(p).append("-C,,-1,,,,\n");
		}
		JsonNode problem = rejected(Map.of("parts", "part_number,description,kind\n%s-Y,Thing,gizmo\n".formatted(p),
				"lots", lots.toString()));
		JsonNode errors = problem.path("errors");
		assertThat(errors).hasSize(100);
		assertThat(errors.get(0).path("file").asText()).isEqualTo("parts.csv");
		assertThat(errors.get(1).path("file").asText()).isEqualTo("lots.csv");
		assertThat(errors.get(1).path("line").asLong()).isEqualTo(2);
		assertThat(errors.get(99).path("line").asLong()).isEqualTo(100);
	}

	@Test
	void largeImportsRunInTheBackgroundWithProgress() throws Exception {
		StringBuilder lots = new StringBuilder(LOTS_HEADER);
		for (int i = 0; i < 5000; i++) {
			lots.append(p).append("-R").append(i).append(',').append(p).append("-C,Murata,4000,2025-03-01,,,\n");
		}
		var response = api.multipart("/api/genealogy/imports?async=true", "ops.manager",
				Map.of("lots", ApiClient.Upload.csv("lots.csv", lots.toString())));
		assertThat(response.statusCode()).isEqualTo(202);
		String location = response.headers().firstValue("Location").orElseThrow();
		JsonNode status = api.read(response);
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (status.path("status").asText().equals("RUNNING") && System.nanoTime() < deadline) {
			Thread.sleep(100);
			status = api.getJson(location, "cs.agent");
		}
		assertThat(status.path("status").asText()).isEqualTo("SUCCEEDED");
		assertThat(status.path("rows").path("lots").asLong()).isEqualTo(5000);
		assertThat(status.path("progress").asDouble()).isEqualTo(1.0);
		assertThat(status.path("startedBy").asText()).isEqualTo("ops.manager");
		assertThat(api.get("/api/genealogy/lots/" + p + "-R4999", "cs.agent").statusCode()).isEqualTo(200);

		var rejected = api.multipart("/api/genealogy/imports?async=true", "ops.manager",
				Map.of("lots", ApiClient.Upload.csv("lots.csv", LOTS_HEADER + p + "-R1," + p + "-C,,1,,,,\n")));
		String failed = rejected.headers().firstValue("Location").orElseThrow();
		do {
			Thread.sleep(100);
			status = api.getJson(failed, "cs.agent");
		}
		while (status.path("status").asText().equals("RUNNING") && System.nanoTime() < deadline);
		assertThat(status.path("status").asText()).isEqualTo("FAILED");
		assertThat(status.path("errors").get(0).path("message").asText()).contains("already exists");
	}

	@Test
	void onlyQualityProductionAndManagersMayImport() {
		var response = api.multipart("/api/genealogy/imports", "cs.agent",
				Map.of("parts", ApiClient.Upload.csv("parts.csv", "part_number,description,kind\n")));
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(api.get("/api/genealogy/imports/" + UUID.randomUUID(), "cs.agent").statusCode()).isEqualTo(404);
	}

	private void importOk(Map<String, String> files) {
		var response = api.multipart("/api/genealogy/imports", "qc.engineer", uploads(files));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
	}

	private void assertRejected(Map<String, String> files, String file, long line, String column, String message) {
		JsonNode problem = rejected(files);
		assertThat(problem.path("errors")).as(problem.toString()).anySatisfy(error -> {
			assertThat(error.path("file").asText()).isEqualTo(file);
			assertThat(error.path("line").asLong()).isEqualTo(line);
			if (column != null) {
				assertThat(error.path("column").asText()).isEqualTo(column);
			}
			assertThat(error.path("message").asText()).contains(message);
		});
	}

	/**
	 * Posts an import that must fail, with a valid part added, and checks nothing landed.
	 */
	private JsonNode rejected(Map<String, String> files) {
		Map<String, String> withValidRows = new LinkedHashMap<>(files);
		String marker = p + "-VALID-" + UUID.randomUUID().toString().substring(0, 4);
		withValidRows.putIfAbsent("parts", "part_number,description,kind\n" + marker + ",Valid part,component\n");
		long before = rows();
		var response = api.multipart("/api/genealogy/imports", "prod.planner", uploads(withValidRows));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(rows()).isEqualTo(before);
		assertThat(api.get("/api/genealogy/parts/" + marker, "cs.agent").statusCode()).isEqualTo(404);
		JsonNode problem = api.read(response);
		assertThat(problem.path("status").asInt()).isEqualTo(422);
		return problem;
	}

	private long rows() {
		return jdbc.queryForObject(
				"""
						SELECT (SELECT count(*) FROM gen_part) + (SELECT count(*) FROM gen_build) + (SELECT count(*) FROM gen_lot)
						     + (SELECT count(*) FROM gen_consumption) + (SELECT count(*) FROM gen_build_link)
						     + (SELECT count(*) FROM gen_shipment)
						""",
				Long.class);
	}

	private static Map<String, ApiClient.Upload> uploads(Map<String, String> files) {
		Map<String, ApiClient.Upload> uploads = new LinkedHashMap<>();
		files.forEach((field, content) -> uploads.put(field, ApiClient.Upload.csv(field + ".csv", content)));
		return uploads;
	}

}
