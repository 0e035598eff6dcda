package com.tracecase.genealogy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.tracecase.TracecaseIntegrationTest;
import com.tracecase.shared.InvalidInputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Status changes, files, labels, repairs and the service history, through the API.
 */
@TracecaseIntegrationTest
class LotLifecycleTests {

	@LocalServerPort
	int port;

	@Autowired
	ObjectMapper json;

	@Autowired
	Genealogy genealogy;

	@Autowired
	LotManagement lotManagement;

	@Value("${tracecase.base-url}")
	String baseUrl;

	ApiClient api;

	GenealogyFixture data;

	@BeforeEach
	void buildGenealogy() {
		api = new ApiClient(port, json);
		data = new GenealogyFixture().build(api);
	}

	@Test
	void statusChangesFollowTheAllowedTransitionsAndAreRecorded() {
		String serial = data.devices.get(0);
		String lot = data.deviceLot(serial);
		JsonNode shipped = api.postJson("/api/genealogy/lots/" + lot + "/status", "prod.planner",
				Map.of("status", "shipped", "reason", "Order 4711"), 200);
		assertThat(shipped.path("status").asText()).isEqualTo("SHIPPED");

		var forbidden = api.post("/api/genealogy/lots/" + lot + "/status", "qc.engineer",
				Map.of("status", "available", "reason", "oops"));
		assertThat(forbidden.statusCode()).isEqualTo(422);
		assertThat(api.read(forbidden).path("detail").asText()).contains("SHIPPED").contains("AVAILABLE");

		api.postJson("/api/genealogy/lots/" + lot + "/status", "qc.engineer",
				Map.of("status", "RETURNED", "reason", "RMA 17"), 200);
		assertThat(api.post("/api/genealogy/lots/" + lot + "/status", "cs.agent", Map.of("status", "quarantined"))
			.statusCode()).isEqualTo(403);
		assertThat(api.post("/api/genealogy/lots/" + lot + "/status", "qc.engineer", Map.of("status", "broken"))
			.statusCode()).isEqualTo(422);
		assertThat(api.post("/api/genealogy/lots/NOPE-9/status", "qc.engineer", Map.of("status", "available"))
			.statusCode()).isEqualTo(404);

		List<ServiceEvent> history = genealogy.serviceHistory(serial);
		assertThat(history).filteredOn(e -> e.type().equals("STATUS_CHANGED"))
			.extracting(ServiceEvent::summary, ServiceEvent::actor)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple("Status IN_PRODUCTION \u2192 AVAILABLE: Build completed",
							"prod.planner"),
					org.assertj.core.groups.Tuple.tuple("Status AVAILABLE \u2192 SHIPPED: Order 4711", "prod.planner"),
					org.assertj.core.groups.Tuple.tuple("Status SHIPPED \u2192 RETURNED: RMA 17", "qc.engineer"));
	}

	@Test
	void aUnitBookedBackTwiceStaysReturnedWithBothBookingsInItsHistory() {
		String serial = data.devices.get(1);
		String lot = data.deviceLot(serial);
		lotManagement.changeStatus(lot, LotStatus.SHIPPED, "prod.planner", "Order 4712");

		// a recall campaign takes the unit back, then the customer's case books it in too
		lotManagement.receiveReturn(lot, "cs.agent", "Returned for recall campaign RC-2026-0001");
		lotManagement.receiveReturn(lot, "prod.planner", "Returned for repair, case FC-2026-000001");
		assertThat(genealogy.getLot(lot).status()).isEqualTo(LotStatus.RETURNED);
		assertThat(genealogy.serviceHistory(serial)).extracting(ServiceEvent::summary)
			.contains("Status SHIPPED \u2192 RETURNED: Returned for recall campaign RC-2026-0001",
					"Booked in again: Returned for repair, case FC-2026-000001");

		// a unit that never left cannot come back
		String inStock = data.deviceLot(data.devices.get(2));
		assertThatThrownBy(() -> lotManagement.receiveReturn(inStock, "prod.planner", "RMA 18"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("not with a customer");
		assertThat(genealogy.getLot(inStock).status()).isNotEqualTo(LotStatus.RETURNED);
	}

	@Test
	void filesAreStoredUnderSafeNamesAndComeBackUnchanged() {
		String lot = data.code("MCU-A");
		byte[] content = "%PDF-1.7 incoming inspection: pass".getBytes(StandardCharsets.UTF_8);
		var uploaded = api.multipart("/api/genealogy/lots/" + lot + "/files", "qc.engineer",
				Map.of("file", new ApiClient.Upload("../../etc/x-ray <report>.pdf", "application/pdf", content)));
		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
		JsonNode file = api.read(uploaded);
		assertThat(file.path("fileName").asText()).isEqualTo("x-ray _report_.pdf");
		assertThat(file.path("size").asLong()).isEqualTo(content.length);
		assertThat(file.path("uploadedBy").asText()).isEqualTo("qc.engineer");

		JsonNode files = api.getJson("/api/genealogy/lots/" + lot + "/files", "cs.agent");
		assertThat(files.findValuesAsText("fileId")).containsExactly(file.path("fileId").asText());
		var download = api.getBytes("/api/genealogy/lots/" + lot + "/files/" + file.path("fileId").asText(), "cs.agent",
				"*/*");
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.body()).isEqualTo(content);
		assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(
				disposition -> assertThat(disposition).startsWith("attachment").contains("x-ray%20_report_.pdf"));
		assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

		assertThat(api
			.multipart("/api/genealogy/lots/" + lot + "/files", "cs.agent",
					Map.of("file", new ApiClient.Upload("a.txt", "text/plain", content)))
			.statusCode()).isEqualTo(403);
		assertThat(api
			.multipart("/api/genealogy/lots/" + lot + "/files", "prod.planner", Map.of("file",
					new ApiClient.Upload("big.bin", "application/octet-stream", new byte[10 * 1024 * 1024 + 1])))
			.statusCode()).isEqualTo(422);
		assertThat(api.get("/api/genealogy/lots/" + lot + "/files/" + java.util.UUID.randomUUID(), "cs.agent")
			.statusCode()).isEqualTo(404);
	}

	@Test
	void labelCarriesAQrCodeWithTheLotsUrl() throws Exception {
		String lot = data.code("PCBA-02");
		var response = api.getBytes("/api/genealogy/lots/" + lot + "/label", "cs.agent", "image/png");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.body()));
		String decoded = new QRCodeReader()
			.decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
			.getText();
		assertThat(decoded).isEqualTo(baseUrl + "/lots/" + lot);
		assertThat(api.getJson("/api/genealogy/lots/" + lot, "cs.agent").path("url").asText()).isEqualTo(decoded);
	}

	@Test
	void repairSwapsALotAtAnyDepthAndShowsInTheHistory() {
		String serial = data.devices.get(0);
		api.postJson("/api/genealogy/lots", "qc.engineer", Map.of("lotCode", data.code("CELL-C9"), "partNumber",
				data.code("CELL"), "supplier", "LG Energy Solution", "quantity", 5), 201);
		// the cell lot came into the device through the battery pack's build-level
		// consumption
		assertThat(genealogy.traceDevice(serial).lots()).anySatisfy(lot -> {
			assertThat(lot.lotCode()).isEqualTo(data.code("CELL-C1"));
			assertThat(lot.depth()).isEqualTo(2);
			assertThat(lot.precision()).isEqualTo(LinkPrecision.BUILD);
		});

		JsonNode trace = api
			.postJson(
					"/api/genealogy/serials/" + serial + "/repairs", "qc.engineer", Map.of("removedLotCode",
							data.code("CELL-C1"), "installedLotCode", data.code("CELL-C9"), "reason", "Swollen cell"),
					200);
		assertThat(trace.path("lots").findValuesAsText("lotCode")).doesNotContain(data.code("CELL-C1"))
			.contains(data.code("CELL-C9"), data.code("PACK-01"), data.code("MCU-A"));
		TracedLot installed = genealogy.traceDevice(serial)
			.lots()
			.stream()
			.filter(lot -> lot.lotCode().equals(data.code("CELL-C9")))
			.findFirst()
			.orElseThrow();
		assertThat(installed.depth()).isEqualTo(1);
		assertThat(installed.precision()).isEqualTo(LinkPrecision.UNIT);
		assertThat(genealogy.getLot(data.code("CELL-C9")).quantity()).isEqualByComparingTo(new BigDecimal(4));
		// the other devices keep the cell lot; where-used agrees with the trace
		assertThat(genealogy.traceDevice(data.devices.get(1)).lots()).extracting(TracedLot::lotCode)
			.contains(data.code("CELL-C1"));
		assertThat(genealogy.whereUsed(data.code("CELL-C1"), PartKind.PRODUCT)).extracting(WhereUsedLot::serialNumber)
			.doesNotContain(serial)
			.hasSize(5);
		assertThat(genealogy.whereUsed(data.code("CELL-C9"), null)).extracting(WhereUsedLot::serialNumber)
			.containsExactly(serial);

		// a unit-level lot at depth 1 can be swapped too
		lotManagement.recordRepair(serial, data.code("PCBA-01"), data.code("CELL-C9"), "qc.engineer", null);
		assertThat(genealogy.traceDevice(serial).lots()).extracting(TracedLot::lotCode)
			.doesNotContain(data.code("PCBA-01"), data.code("MCU-A"));

		assertThat(api
			.post("/api/genealogy/serials/" + serial + "/repairs", "qc.engineer",
					Map.of("removedLotCode", data.code("MCU-B"), "installedLotCode", data.code("CELL-C9")))
			.statusCode()).as("not in the device").isEqualTo(422);

		List<ServiceEvent> history = genealogy.serviceHistory(serial);
		assertThat(history).filteredOn(e -> e.type().equals("REPAIRED")).first().satisfies(e -> {
			assertThat(e.summary()).contains(data.code("CELL-C1"), data.code("CELL-C9"), "Swollen cell");
			assertThat(e.actor()).isEqualTo("qc.engineer");
		});
	}

	@Test
	void serviceHistoryMergesEverythingThatHappenedToTheUnit() {
		String serial = data.devices.get(1);
		String lot = data.deviceLot(serial);
		api.postJson("/api/genealogy/lots/" + lot + "/status", "prod.planner", Map.of("status", "shipped"), 200);
		api.postJson("/api/genealogy/serials/" + serial + "/events", "qc.engineer",
				Map.of("type", "reported_failing", "summary", "No power after charging"), 200);
		api.multipart("/api/genealogy/lots/" + lot + "/files", "qc.engineer",
				Map.of("file", new ApiClient.Upload("teardown.txt", "text/plain", "ok".getBytes())));
		api.postJson("/api/genealogy/serials/" + serial + "/events", "qc.engineer",
				Map.of("type", "INVESTIGATED", "summary", "Cell voltage 0 V"), 200);

		JsonNode history = api.getJson("/api/genealogy/serials/" + serial + "/history", "cs.agent");
		assertThat(history.findValuesAsText("type")).containsExactly("BUILD_STARTED", "BUILT", "STATUS_CHANGED",
				"STATUS_CHANGED", "REPORTED_FAILING", "FILE_ATTACHED", "INVESTIGATED");
		assertThat(history.get(0).path("summary").asText()).contains(data.code("B-DEV"));
		assertThat(history.get(5).path("summary").asText()).contains("teardown.txt");
		assertThat(
				api.post("/api/genealogy/serials/" + serial + "/events", "cs.agent", Map.of("type", "X")).statusCode())
			.isEqualTo(403);
	}

	@Test
	void stockListsLotsWithQuantityOnHand() {
		List<StockLot> stock = genealogy.stock(data.code("MCU"), LotStatus.AVAILABLE);
		assertThat(stock).extracting(StockLot::lotCode).containsExactly(data.code("MCU-A"), data.code("MCU-B"));
		assertThat(stock.get(0).quantity()).isEqualByComparingTo("997");
		assertThat(genealogy.findPart(data.code("DEV"))).hasValueSatisfying(part -> {
			assertThat(part.kind()).isEqualTo(PartKind.PRODUCT);
			assertThat(part.serialized()).isTrue();
		});
		JsonNode json = api.getJson("/api/genealogy/parts/" + data.code("CELL") + "/stock?status=available",
				"cs.agent");
		assertThat(json.findValuesAsText("lotCode")).containsExactly(data.code("CELL-C1"), data.code("CELL-C2"));
	}

}
