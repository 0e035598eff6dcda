package com.tracecase.genealogy.internal;

import java.util.List;

import com.tracecase.TracecaseIntegrationTest;
import com.tracecase.genealogy.AtRiskLot;
import com.tracecase.genealogy.Device;
import com.tracecase.genealogy.Genealogy;
import com.tracecase.genealogy.GenealogyImports;
import com.tracecase.genealogy.LotManagement;
import com.tracecase.genealogy.LinkPrecision;
import com.tracecase.genealogy.LotStatus;
import com.tracecase.genealogy.PartKind;
import com.tracecase.genealogy.TracedLot;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo data set loads through the import and tells the story the docs promise. (The
 * demo's part numbers are fixed, so it loads once per test database.)
 */
@TracecaseIntegrationTest
class DemoGenealogyTests {

	@Autowired
	GenealogyImports imports;

	@Autowired
	GenealogyWrites writes;

	@Autowired
	LotManagement lots;

	@Autowired
	Genealogy genealogy;

	@Test
	void loadsTheHandheldsAndPointsTheFailureReportsAtOneChargerReel() {
		// the runner is off in tests (tracecase.demo.data=false); load as it would
		List<String> failing = new DemoGenealogy(imports, writes, lots).load();
		assertThat(failing).hasSize(4);

		Device device = genealogy.findDevice("HX2-000123").orElseThrow();
		assertThat(device.partDescription()).isEqualTo("HX2 Handheld Scanner");
		assertThat(device.buildCode()).isEqualTo("B-DEV-00001");
		assertThat(genealogy.findDevice("HX2-003000").orElseThrow().status()).isEqualTo(LotStatus.IN_PRODUCTION);
		assertThat(genealogy.findDevice(failing.get(0)).orElseThrow().status()).isEqualTo(LotStatus.RETURNED);

		List<TracedLot> trace = genealogy.traceDevice("HX2-000123").lots();
		assertThat(trace).extracting(TracedLot::partKind).contains(PartKind.SUBASSEMBLY, PartKind.COMPONENT);
		assertThat(trace).extracting(TracedLot::precision).contains(LinkPrecision.UNIT, LinkPrecision.BUILD);
		assertThat(trace).extracting(TracedLot::partNumber)
			.contains("HX2-MB-A", "HX2-BP-2S", "U-STM32L476", "U-BQ25895", "CELL-INR18650", "PCB-HX2-MB", "HSG-HX2");

		List<AtRiskLot> atRisk = genealogy.atRisk(failing);
		assertThat(atRisk.get(0).lotCode()).isEqualTo(GenealogyGenerator.suspectReel());
		assertThat(atRisk.get(0).failedUnits()).isEqualTo(4);
		assertThat(genealogy.serviceHistory(failing.get(0))).extracting(e -> e.type())
			.contains("BUILT", "REPORTED_FAILING", "STATUS_CHANGED");
	}

}
