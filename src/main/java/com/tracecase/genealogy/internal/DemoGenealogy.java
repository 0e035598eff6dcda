package com.tracecase.genealogy.internal;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.tracecase.genealogy.GenealogyImports;
import com.tracecase.genealogy.ImportFile;
import com.tracecase.genealogy.ImportStatus;
import com.tracecase.genealogy.LotManagement;
import com.tracecase.genealogy.LotStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Loads the demo genealogy at startup when the genealogy is empty: 3,000 HX2 handheld
 * scanners with their boards, packs and components, through the regular import, plus a
 * few failure reports on units sharing one charger reel. Synchronous, so the application
 * is ready with its data.
 */
@Component
@ConditionalOnProperty(name = "tracecase.demo.data", havingValue = "true")
@Order(10)
class DemoGenealogy implements ApplicationRunner {

	static final int DEVICES = 3000;

	static final long SEED = 20250303L;

	private static final String ACTOR = "demo-data";

	private static final Logger log = LoggerFactory.getLogger(DemoGenealogy.class);

	private final GenealogyImports imports;

	private final GenealogyWrites writes;

	private final LotManagement lots;

	DemoGenealogy(GenealogyImports imports, GenealogyWrites writes, LotManagement lots) {
		this.imports = imports;
		this.writes = writes;
		this.lots = lots;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (ImportCommand.requested(args) || !writes.isEmpty()) {
			return;
		}
		load();
	}

	/**
	 * @return the units reported failing
	 */
	List<String> load() {
		long started = System.nanoTime();
		StringWriter lotRows = new StringWriter();
		StringWriter consumptionRows = new StringWriter();
		GenealogyGenerator generator = new GenealogyGenerator(DEVICES, SEED, lotRows, consumptionRows);
		String builds = generator.generate();
		Map<ImportFile, Resource> files = new EnumMap<>(ImportFile.class);
		files.put(ImportFile.PARTS, resource(GenealogyGenerator.parts()));
		files.put(ImportFile.BUILDS, resource(builds));
		files.put(ImportFile.LOTS, resource(lotRows.toString()));
		files.put(ImportFile.CONSUMPTIONS, resource(consumptionRows.toString()));
		ImportStatus status = imports.importFiles(files, ACTOR);

		// customers report failures on units whose charger came from one reel
		List<String> failing = generator.failingUnits(4);
		for (String serial : failing) {
			lots.recordServiceEvent(serial, "REPORTED_FAILING", "Does not charge; battery stays at 0 %", "cs.agent");
			lots.changeStatus(serial, LotStatus.RETURNED, "cs.agent", "Returned for investigation");
		}
		log.info("Demo genealogy loaded in {} ms: {}; failing units {} share charger reel {}",
				(System.nanoTime() - started) / 1_000_000, status.rows(), failing, GenealogyGenerator.suspectReel());
		return failing;
	}

	private static Resource resource(String csv) {
		return new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8));
	}

}
