package com.tracecase.genealogy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A multi-stage genealogy built through the import (components, PCB assemblies with a
 * reel change, battery packs) and through the API (housing, the device build), with an
 * in-memory copy of every row to walk independently of the database.
 */
class GenealogyFixture {

	static final String IMPORTER = "prod.planner";

	final String p = "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

	/** lot code to part number */
	final Map<String, String> partOf = new LinkedHashMap<>();

	final Map<String, String> kindOf = new HashMap<>();

	final Map<String, String> statusOf = new HashMap<>();

	final Map<String, String> serialOf = new HashMap<>();

	/** build code to its outputs */
	final Map<String, List<String>> outputs = new LinkedHashMap<>();

	final List<Consumption> consumptions = new ArrayList<>();

	/** serials of the devices, in build order */
	final List<String> devices = new ArrayList<>();

	record Consumption(String build, String consumed, String produced) {
	}

	record Link(String lot, int depth, String build, String precision) {
	}

	String code(String suffix) {
		return p + "-" + suffix;
	}

	GenealogyFixture build(ApiClient api) {
		String parts = """
				part_number,description,kind,unit_cost,manufacturer
				%1$s-RES,Resistor 10k 0402,component,0.002,Yageo
				%1$s-MCU,MCU STM32L4,Component,3.10,STMicroelectronics
				%1$s-PCB,Mainboard PCB rev C,component,1.20,AT&S
				%1$s-CELL,Li-ion cell 18650,COMPONENT,2.40,LG Energy Solution
				%1$s-PCBA,Mainboard assembly,subassembly,,
				%1$s-PACK,Battery pack 2S,subassembly,,
				%1$s-DEV,Handheld scanner,product,120.00,
				""".formatted(p);
		String builds = """
				build_code,part_number,quantity,started_on,completed_on
				%1$s-B-PCBA,%1$s-PCBA,6,2025-01-06,2025-01-07
				%1$s-B-PACK,%1$s-PACK,6,2025-01-06,2025-01-08
				""".formatted(p);
		StringBuilder lots = new StringBuilder(
				"lot_code,part_number,supplier,quantity,created_on,status,serial_number,build_code,date_code\n");
		component(lots, "RES-R1", "RES", "Yageo", "10000", "2451");
		component(lots, "MCU-A", "MCU", "STMicroelectronics", "997", "2440");
		component(lots, "MCU-B", "MCU", "STMicroelectronics", "1000", "2441");
		component(lots, "PCB-L1", "PCB", "AT&S", "94", "");
		component(lots, "CELL-C1", "CELL", "LG Energy Solution", "488", "24W30");
		component(lots, "CELL-C2", "CELL", "LG Energy Solution", "499", "24W31");
		for (int i = 1; i <= 6; i++) {
			output(lots, "PCBA-0" + i, "PCBA", "B-PCBA", "MB-000" + i, "CONSUMED");
			output(lots, "PACK-0" + i, "PACK", "B-PACK", "BP-000" + i, "consumed");
		}
		StringBuilder uses = new StringBuilder("build_code,consumed_lot_code,quantity,produced_lot_code\n");
		consume(uses, "B-PCBA", "RES-R1", "60", null);
		consume(uses, "B-PCBA", "PCB-L1", "6", null);
		for (int i = 1; i <= 6; i++) {
			consume(uses, "B-PCBA", i <= 3 ? "MCU-A" : "MCU-B", "1", "PCBA-0" + i);
		}
		consume(uses, "B-PACK", "CELL-C1", "11", null);
		consume(uses, "B-PACK", "CELL-C2", "1", "PACK-06");

		var imported = api.multipart("/api/genealogy/imports", IMPORTER,
				Map.of("parts", ApiClient.Upload.csv("parts.csv", parts), "builds",
						ApiClient.Upload.csv("builds.csv", builds), "lots",
						ApiClient.Upload.csv("lots.csv", lots.toString()), "consumptions",
						ApiClient.Upload.csv("consumptions.csv", uses.toString())));
		assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
		kinds(Map.of("RES", "COMPONENT", "MCU", "COMPONENT", "PCB", "COMPONENT", "CELL", "COMPONENT", "PCBA",
				"SUBASSEMBLY", "PACK", "SUBASSEMBLY", "DEV", "PRODUCT", "HOUS", "COMPONENT"));

		// through the API: a part, a lot, the device build with its consumptions
		api.postJson("/api/genealogy/parts", "qc.engineer", Map.of("partNumber", code("HOUS"), "description",
				"Housing HX2", "kind", "component", "manufacturer", "Protolabs"), 201);
		api.postJson("/api/genealogy/lots", "prod.planner", Map.of("lotCode", code("HOUS-H1"), "partNumber",
				code("HOUS"), "supplier", "Protolabs", "quantity", 200, "dateCode", "2502"), 201);
		partOf.put(code("HOUS-H1"), code("HOUS"));
		statusOf.put(code("HOUS-H1"), "AVAILABLE");
		JsonNode build = api.postJson("/api/genealogy/builds", "prod.planner", Map.of("buildCode", code("B-DEV"),
				"partNumber", code("DEV"), "quantity", 6, "startedOn", "2025-01-09", "serialPrefix", p + "-SN"), 201);
		List<String> deviceLots = new ArrayList<>();
		for (JsonNode output : build.path("outputs")) {
			String lot = output.path("lotCode").asText();
			deviceLots.add(lot);
			devices.add(output.path("serialNumber").asText());
			partOf.put(lot, code("DEV"));
			serialOf.put(lot, output.path("serialNumber").asText());
			assertThat(output.path("status").asText()).isEqualTo("IN_PRODUCTION");
		}
		assertThat(devices).hasSize(6).doesNotHaveDuplicates();
		outputs.put(code("B-DEV"), deviceLots);
		List<Map<String, Object>> deviceUses = new ArrayList<>();
		for (int i = 1; i <= 6; i++) {
			deviceUses.add(Map.of("consumedLotCode", code("PCBA-0" + i), "producedLotCode", deviceLots.get(i - 1)));
			deviceUses.add(Map.of("consumedLotCode", code("PACK-0" + i), "producedLotCode", deviceLots.get(i - 1)));
			consumptions.add(new Consumption(code("B-DEV"), code("PCBA-0" + i), deviceLots.get(i - 1)));
			consumptions.add(new Consumption(code("B-DEV"), code("PACK-0" + i), deviceLots.get(i - 1)));
		}
		deviceUses.add(Map.of("consumedLotCode", code("HOUS-H1"), "quantity", 6));
		consumptions.add(new Consumption(code("B-DEV"), code("HOUS-H1"), null));
		assertThat(api.post("/api/genealogy/builds/" + code("B-DEV") + "/consumptions", "prod.planner", deviceUses)
			.statusCode()).isEqualTo(204);
		api.postJson("/api/genealogy/builds/" + code("B-DEV") + "/complete", "prod.planner", Map.of(), 200);
		deviceLots.forEach(lot -> statusOf.put(lot, "AVAILABLE"));
		return this;
	}

	private void kinds(Map<String, String> kinds) {
		kinds.forEach((suffix, kind) -> kindOf.put(code(suffix), kind));
	}

	private void component(StringBuilder lots, String lot, String part, String supplier, String quantity,
			String dateCode) {
		lots.append(String.join(",", code(lot), code(part), supplier, quantity, "2024-12-01", "", "", "", dateCode))
			.append('\n');
		partOf.put(code(lot), code(part));
		statusOf.put(code(lot), "AVAILABLE");
	}

	private void output(StringBuilder lots, String lot, String part, String build, String serial, String status) {
		lots.append(
				String.join(",", code(lot), code(part), "", "1", "2025-01-07", status, code(serial), code(build), ""))
			.append('\n');
		partOf.put(code(lot), code(part));
		statusOf.put(code(lot), status.toUpperCase());
		serialOf.put(code(lot), code(serial));
		outputs.computeIfAbsent(code(build), b -> new ArrayList<>()).add(code(lot));
	}

	private void consume(StringBuilder uses, String build, String consumed, String quantity, String produced) {
		uses.append(String.join(",", code(build), code(consumed), quantity, produced == null ? "" : code(produced)))
			.append('\n');
		consumptions.add(new Consumption(code(build), code(consumed), produced == null ? null : code(produced)));
	}

	String kindOfLot(String lot) {
		return kindOf.get(partOf.get(lot));
	}

	String deviceLot(String serial) {
		return serialOf.entrySet()
			.stream()
			.filter(e -> e.getValue().equals(serial))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElseThrow();
	}

	// the independent walks, breadth first over the rows above

	/** Every ancestor at its smallest depth, a unit link preferred at equal depth. */
	Map<String, Link> trace(String lot) {
		Map<String, Link> found = new HashMap<>();
		ArrayDeque<Link> queue = new ArrayDeque<>();
		queue.add(new Link(lot, 0, null, null));
		while (!queue.isEmpty()) {
			Link current = queue.poll();
			for (Consumption c : consumptions) {
				String precision = null;
				if (current.lot().equals(c.produced())) {
					precision = "UNIT";
				}
				else if (c.produced() == null && outputs.getOrDefault(c.build(), List.of()).contains(current.lot())) {
					precision = "BUILD";
				}
				if (precision == null) {
					continue;
				}
				Link link = new Link(c.consumed(), current.depth() + 1, c.build(), precision);
				Link known = found.get(c.consumed());
				if (known == null || known.depth() > link.depth()
						|| (known.depth() == link.depth() && precision.equals("UNIT"))) {
					found.put(c.consumed(), link);
					queue.add(link);
				}
			}
		}
		return found;
	}

	/** Every downstream lot at its smallest depth. */
	Map<String, Integer> whereUsed(String lot) {
		Map<String, Integer> found = new HashMap<>();
		ArrayDeque<String> queue = new ArrayDeque<>(List.of(lot));
		Map<String, Integer> depth = new HashMap<>(Map.of(lot, 0));
		while (!queue.isEmpty()) {
			String current = queue.poll();
			for (Consumption c : consumptions) {
				if (!c.consumed().equals(current)) {
					continue;
				}
				List<String> targets = c.produced() != null ? List.of(c.produced()) : outputs.get(c.build());
				for (String target : targets) {
					int d = depth.get(current) + 1;
					if (!found.containsKey(target) || found.get(target) > d) {
						found.put(target, d);
						depth.put(target, d);
						queue.add(target);
					}
				}
			}
		}
		return found;
	}

	Set<String> devicesContaining(String lot) {
		return Set.copyOf(whereUsed(lot).keySet()
			.stream()
			.filter(l -> "PRODUCT".equals(kindOfLot(l)))
			.map(serialOf::get)
			.toList());
	}

}
