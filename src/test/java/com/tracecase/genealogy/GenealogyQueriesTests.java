package com.tracecase.genealogy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tracecase.TracecaseIntegrationTest;
import com.tracecase.genealogy.internal.GenealogyQueries;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Trace, where-used and at-risk over HTTP give the same answers as an independent walk
 * over the rows the test wrote.
 */
@TracecaseIntegrationTest
class GenealogyQueriesTests {

	@LocalServerPort
	int port;

	@Autowired
	ObjectMapper json;

	@Autowired
	Genealogy genealogy;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	GenealogyQueries queries;

	ApiClient api;

	GenealogyFixture data;

	@BeforeEach
	void buildGenealogy() {
		api = new ApiClient(port, json);
		data = new GenealogyFixture().build(api);
	}

	@Test
	void traceOfEveryDeviceEqualsTheIndependentWalk() {
		for (String serial : data.devices) {
			JsonNode trace = api.getJson("/api/genealogy/serials/" + serial + "/trace", "cs.agent");
			assertThat(trace.path("device").path("serialNumber").asText()).isEqualTo(serial);
			assertThat(trace.path("device").path("buildCode").asText()).isEqualTo(data.code("B-DEV"));
			assertThat(links(trace.path("lots"))).as(serial)
				.isEqualTo(Set.copyOf(data.trace(data.deviceLot(serial)).values()));
		}
		// the reel change: boards 1-3 carry reel A, 4-6 reel B, both at unit precision
		JsonNode first = api.getJson("/api/genealogy/serials/" + data.devices.get(0) + "/trace", "cs.agent");
		assertThat(first.path("lots").findValuesAsText("lotCode")).contains(data.code("MCU-A"))
			.doesNotContain(data.code("MCU-B"));
	}

	@Test
	void traceOfAnyLotEqualsTheIndependentWalk() {
		for (String lot : data.partOf.keySet()) {
			JsonNode trace = api.getJson("/api/genealogy/lots/" + lot + "/trace", "cs.agent");
			assertThat(trace.path("lot").path("lotCode").asText()).isEqualTo(lot);
			assertThat(links(trace.path("lots"))).as(lot).isEqualTo(Set.copyOf(data.trace(lot).values()));
		}
	}

	@Test
	void lotsAndFilesOfManyLotsInOneQueryEqualThemOneByOne() {
		List<String> codes = new ArrayList<>(data.partOf.keySet());
		java.util.Collections.reverse(codes);
		api.multipart("/api/genealogy/lots/" + codes.get(1) + "/files", "prod.planner", Map.of("file",
				new ApiClient.Upload("first.txt", "text/plain", "one".getBytes(StandardCharsets.UTF_8))));
		api.multipart("/api/genealogy/lots/" + codes.get(0) + "/files", "prod.planner", Map.of("file",
				new ApiClient.Upload("second.txt", "text/plain", "two".getBytes(StandardCharsets.UTF_8))));
		List<String> asked = new ArrayList<>(codes);
		asked.add(1, "NO-SUCH-LOT");

		assertThat(genealogy.findLots(asked)).isEqualTo(codes.stream().map(genealogy::getLot).toList());
		assertThat(genealogy.files(asked))
			.isEqualTo(codes.stream().flatMap(code -> genealogy.files(code).stream()).toList())
			.extracting(LotFile::fileName)
			.containsExactly("second.txt", "first.txt");
	}

	@Test
	void deviceIsAddressableByBuildAndSequence() {
		String address = URLEncoder.encode(data.code("B-DEV") + "#3", StandardCharsets.UTF_8);
		JsonNode device = api.getJson("/api/genealogy/serials/" + address, "cs.agent");
		assertThat(device.path("serialNumber").asText()).isEqualTo(data.devices.get(2));
		assertThat(device.path("sequenceInBuild").asInt()).isEqualTo(3);
		assertThat(genealogy.findDevice(data.devices.get(2))).hasValueSatisfying(d -> {
			assertThat(d.status()).isEqualTo(LotStatus.AVAILABLE);
			assertThat(d.buildCompletedOn()).isNotNull();
		});
	}

	@Test
	void whereUsedPagesEqualTheIndependentWalk() {
		for (String lot : data.partOf.keySet()) {
			Map<String, Integer> expected = data.whereUsed(lot);
			Map<String, Integer> actual = new HashMap<>();
			int page = 0;
			JsonNode answer;
			do {
				answer = api.getJson("/api/genealogy/lots/" + lot + "/where-used?size=4&page=" + page++, "cs.agent");
				assertThat(answer.path("total").asLong()).isEqualTo(expected.size());
				answer.path("lots").forEach(row -> actual.put(row.path("lotCode").asText(), row.path("depth").asInt()));
			}
			while (answer.path("lots").size() == 4);
			assertThat(actual).as(lot).isEqualTo(expected);
			Map<String, Long> statuses = expected.keySet()
				.stream()
				.collect(Collectors.groupingBy(data.statusOf::get, Collectors.counting()));
			Map<String, Long> counts = new HashMap<>();
			answer.path("countsByStatus").fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
			assertThat(counts).as(lot).isEqualTo(statuses);
		}
	}

	@Test
	void whereUsedFiltersByKindAndCountsWhatARecallNeeds() {
		JsonNode answer = api.getJson("/api/genealogy/lots/" + data.code("MCU-A") + "/where-used?kind=product",
				"cs.agent");
		assertThat(answer.path("total").asLong()).isEqualTo(3);
		assertThat(answer.path("inStock").asLong()).isEqualTo(3);
		assertThat(answer.path("shipped").asLong()).isZero();
		assertThat(answer.path("lots").findValuesAsText("serialNumber"))
			.containsExactlyInAnyOrderElementsOf(data.devicesContaining(data.code("MCU-A")));
		assertThat(answer.path("lots").findValuesAsText("partKind")).containsOnly("PRODUCT");
	}

	@Test
	void whereUsedStreamsCsvEqualToTheIndependentWalk() {
		String lot = data.code("RES-R1");
		var response = api.getAccept("/api/genealogy/lots/" + lot + "/where-used", "cs.agent", "text/csv");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
		List<String> lines = response.body().lines().toList();
		assertThat(lines.get(0)).isEqualTo("lot_code,serial_number,part_number,status,depth");
		Map<String, Integer> actual = new HashMap<>();
		for (String line : lines.subList(1, lines.size())) {
			String[] cells = line.split(",", -1);
			actual.put(cells[0], Integer.parseInt(cells[4]));
			assertThat(cells[2]).isEqualTo(data.partOf.get(cells[0]));
			assertThat(cells[3]).isEqualTo(data.statusOf.get(cells[0]));
		}
		assertThat(actual).isEqualTo(data.whereUsed(lot));

		var products = api.getAccept("/api/genealogy/lots/" + lot + "/where-used?kind=PRODUCT", "cs.agent", "text/csv");
		assertThat(products.body().lines().skip(1).map(l -> l.split(",")[1]).collect(Collectors.toSet()))
			.isEqualTo(data.devicesContaining(lot));
	}

	@Test
	void atRiskCountsEqualTheIndependentWalkAndRankTheSharedReelFirst() {
		List<String> failed = List.of(data.devices.get(0), data.devices.get(2));
		JsonNode report = api.postJson("/api/genealogy/at-risk", "qc.engineer",
				Map.of("serials", List.of(failed.get(0), failed.get(1), "NO-SUCH-SERIAL")), 200);
		assertThat(report.path("unknownSerials").get(0).asText()).isEqualTo("NO-SUCH-SERIAL");
		assertThat(report.path("population").asLong()).isEqualTo(6);

		// independent: every ancestor shared by both failed devices, with its device
		// counts
		Map<String, Integer> failedPerLot = new HashMap<>();
		for (String serial : failed) {
			data.trace(data.deviceLot(serial)).keySet().forEach(lot -> failedPerLot.merge(lot, 1, Integer::sum));
		}
		Set<String> expected = new HashSet<>();
		failedPerLot.forEach((lot, n) -> {
			if (n >= 2) {
				expected.add(lot + ":" + n + "/" + data.devicesContaining(lot).size());
			}
		});
		Set<String> actual = new HashSet<>();
		report.path("lots")
			.forEach(lot -> actual.add(lot.path("lotCode").asText() + ":" + lot.path("failedUnits").asLong() + "/"
					+ lot.path("totalUnits").asLong()));
		assertThat(actual).isEqualTo(expected);
		assertThat(report.path("lots").get(0).path("lotCode").asText()).isEqualTo(data.code("MCU-A"));
		// hypergeometric: 2 failed of 6, both among the 3 units with reel A:
		// C(2,2)C(4,1)/C(6,3) = 0.2
		assertThat(report.path("lots").get(0).path("pValue").asDouble()).isCloseTo(0.2,
				org.assertj.core.data.Offset.offset(1e-9));

		List<AtRiskLot> ranked = genealogy.atRisk(failed);
		assertThat(ranked).extracting(AtRiskLot::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
	}

	@Test
	void keptUnitAncestorsEqualTheIndependentWalkAfterImportAndApiWrites() {
		// the boards come from the import, the devices and their consumptions from the
		// API
		assertThat(data.serialOf).isNotEmpty();
		data.serialOf.keySet().forEach(unit -> {
			List<String> kept = jdbc.queryForList("""
					SELECT l.lot_code FROM gen_unit_ancestor a
					JOIN gen_lot l ON l.id = a.ancestor_lot_id
					JOIN gen_lot u ON u.id = a.unit_lot_id
					WHERE u.lot_code = ?
					""", String.class, unit);
			assertThat(kept).as(unit).doesNotHaveDuplicates();
			assertThat(Set.copyOf(kept)).as(unit).isEqualTo(data.trace(unit).keySet());
		});
	}

	@Test
	void atRiskFromTheKeptAncestorsEqualsTheWalkAlsoAfterARepair() {
		// a repair takes a cell lot out of the first device: the kept ancestors must
		// leave it out as the walk does
		api.postJson("/api/genealogy/lots", "qc.engineer", Map.of("lotCode", data.code("CELL-C9"), "partNumber",
				data.code("CELL"), "supplier", "LG Energy Solution", "quantity", 5), 201);
		api.postJson("/api/genealogy/serials/" + data.devices.get(0) + "/repairs", "qc.engineer",
				Map.of("removedLotCode", data.code("CELL-C1"), "installedLotCode", data.code("CELL-C9"), "reason",
						"Swollen cell"),
				200);
		List<Long> units = data.devices.stream().map(serial -> queries.lotIdOfSerial(serial).orElseThrow()).toList();

		List<GenealogyQueries.AtRiskCounts> all = queries.walkedAtRiskCounts(units, 2);
		assertThat(all).isNotEmpty();
		assertThat(queries.atRiskCounts(units, 2)).containsExactlyInAnyOrderElementsOf(all);
		for (int i = 0; i < units.size(); i++) {
			List<Long> one = List.of(units.get(i));
			assertThat(queries.atRiskCounts(one, 1)).as("unit " + i)
				.containsExactlyInAnyOrderElementsOf(queries.walkedAtRiskCounts(one, 1));
			for (int j = i + 1; j < units.size(); j++) {
				List<Long> pair = List.of(units.get(i), units.get(j));
				assertThat(queries.atRiskCounts(pair, 2)).as("units " + i + " and " + j)
					.containsExactlyInAnyOrderElementsOf(queries.walkedAtRiskCounts(pair, 2));
			}
		}
	}

	@Test
	void rankingKnownFailedUnitsCountsEachLotsUnitsAsTheWalkDoes() {
		List<String> failed = List.of(data.devices.get(0), data.devices.get(4));
		Map<String, List<String>> failedPerLot = new HashMap<>();
		for (String serial : failed) {
			data.trace(data.deviceLot(serial))
				.keySet()
				.forEach(lot -> failedPerLot.computeIfAbsent(lot, key -> new ArrayList<>()).add(serial));
		}

		List<SharedLot> ranked = genealogy.rankLots(failed, failedPerLot);

		Set<String> expected = new HashSet<>();
		failedPerLot.forEach((lot, serials) -> {
			if (serials.size() >= 2) {
				expected.add(lot + ":" + serials.size() + "/" + data.devicesContaining(lot).size());
			}
		});
		assertThat(expected).isNotEmpty();
		assertThat(ranked.stream()
			.map(shared -> shared.lot().lotCode() + ":" + shared.lot().failedUnits() + "/" + shared.lot().totalUnits())
			.collect(Collectors.toSet())).isEqualTo(expected);
		assertThat(ranked.stream().map(SharedLot::lot).toList()).isEqualTo(genealogy.atRisk(failed)
			.stream()
			.filter(lot -> expected.stream().anyMatch(entry -> entry.startsWith(lot.lotCode() + ":")))
			.toList());
	}

	@Test
	void unknownSerialsAndLotsAreNotFoundProblems() {
		for (String path : List.of("/api/genealogy/serials/NOPE-1/trace", "/api/genealogy/lots/NOPE-1/trace",
				"/api/genealogy/lots/NOPE-1/where-used", "/api/genealogy/serials/NOPE-1/history",
				"/api/genealogy/lots/NOPE-1/label")) {
			var response = api.get(path, "cs.agent");
			assertThat(response.statusCode()).as(path).isEqualTo(404);
			assertThat(api.read(response).path("detail").asText()).contains("NOPE-1");
		}
		assertThat(api.getAccept("/api/genealogy/lots/NOPE-1/where-used", "cs.agent", "text/csv").statusCode())
			.isEqualTo(404);
	}

	private static Set<GenealogyFixture.Link> links(JsonNode lots) {
		List<GenealogyFixture.Link> links = new ArrayList<>();
		lots.forEach(lot -> links.add(new GenealogyFixture.Link(lot.path("lotCode").asText(), lot.path("depth").asInt(),
				lot.path("buildCode").asText(), lot.path("precision").asText())));
		assertThat(links).doesNotHaveDuplicates();
		return Set.copyOf(links);
	}

}
