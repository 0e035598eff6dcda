package com.tracecase.demo;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.tracecase.genealogy.Genealogy;
import com.tracecase.genealogy.GenealogyImports;
import com.tracecase.genealogy.ImportFile;
import com.tracecase.genealogy.ImportStatus;
import com.tracecase.genealogy.LotManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Loads the demo plant at startup when the genealogy is empty: 3,000 HX2 handheld
 * scanners with their boards, packs and components, through the regular import. Four
 * shipped units whose charger came from one reel (the README's serials) carry a
 * customer's earlier complaint in their service history; they stay {@code SHIPPED}, so a
 * case can book their return and repair them. Synchronous, so the application is ready
 * with its data. Only in the demo run (no profile, or the {@code demo} profile).
 * <p>
 * ({@code java -jar tracecase.jar import DIR} exits in an earlier runner, before this one
 * could load anything.)
 */
@Component
@Profile("(default | demo) & !prod")
@ConditionalOnProperty(name = "tracecase.demo.data", havingValue = "true")
@Order(10)
class DemoPlant implements ApplicationRunner {

	static final int DEVICES = 3000;

	static final long SEED = 20250303L;

	private static final String ACTOR = "demo-data";

	private static final Logger log = LoggerFactory.getLogger(DemoPlant.class);

	private final GenealogyImports imports;

	private final Genealogy genealogy;

	private final LotManagement lots;

	DemoPlant(GenealogyImports imports, Genealogy genealogy, LotManagement lots) {
		this.imports = imports;
		this.genealogy = genealogy;
		this.lots = lots;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (genealogy.isEmpty()) {
			load();
		}
	}

	/**
	 * @return the shipped units customers complained about, all with the suspect reel
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
		files.put(ImportFile.SHIPMENTS, resource(generator.shipments()));
		ImportStatus status = imports.importFiles(files, ACTOR);

		// customers complained about units whose charger came from one reel; the units
		// are
		// still with them (shipped): a case books each return when it arrives
		List<String> complained = generator.failingUnits(4);
		for (String serial : complained) {
			lots.recordServiceEvent(serial, "REPORTED_FAILING", "Does not charge; battery stays at 0 %", "cs.agent");
		}
		log.info("Demo plant loaded in {} ms: {}; units {} with charger reel {} have complaints",
				(System.nanoTime() - started) / 1_000_000, status.rows(), complained, GenealogyGenerator.suspectReel());
		return complained;
	}

	private static Resource resource(String csv) {
		return new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8));
	}

}
