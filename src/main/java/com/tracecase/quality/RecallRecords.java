package com.tracecase.quality;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import com.tracecase.genealogy.Genealogy;
import com.tracecase.genealogy.Lot;
import com.tracecase.genealogy.RecallUnit;
import com.tracecase.genealogy.Shipment;
import com.tracecase.genealogy.TracedLot;
import com.tracecase.genealogy.Whereabouts;
import com.tracecase.shared.Labels;
import com.tracecase.shared.NotFoundException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recall drills: for any lot, the complete recall record as it would be needed on the day
 * of a recall (affected units in the field, in stock and in production, the customers who
 * have them, the suppliers of the lot and of what it is made of), timed and kept.
 */
@Service
public class RecallRecords {

	static final String[] COLUMNS = { "lot_code", "serial_number", "part_number", "part_kind", "whereabouts", "status",
			"depth", "customer_name", "customer_email", "shipped_on", "shipment_reference" };

	private final Genealogy genealogy;

	private final RecallDrills drills;

	private final Clock clock;

	RecallRecords(Genealogy genealogy, RecallDrills drills, Clock clock) {
		this.genealogy = genealogy;
		this.drills = drills;
		this.clock = clock;
	}

	/**
	 * Runs a recall drill of the lot and keeps its record, with the time it took from the
	 * first query to the finished record.
	 * @throws NotFoundException when the lot is unknown
	 */
	@Transactional
	public RecallDrill drill(String lotCode, String actor) {
		long started = System.nanoTime();
		Lot lot = genealogy.getLot(lotCode);
		List<RecallUnit> units = genealogy.recallUnits(lot.lotCode());
		Set<String> suppliers = new LinkedHashSet<>();
		if (lot.supplier() != null) {
			suppliers.add(lot.supplier());
		}
		genealogy.traceLot(lot.lotCode())
			.lots()
			.stream()
			.map(TracedLot::supplier)
			.filter(Objects::nonNull)
			.forEach(suppliers::add);
		byte[] record = csv(units);
		long customers = units.stream()
			.map(RecallUnit::shipment)
			.filter(Objects::nonNull)
			.map(shipment -> shipment.customerEmail() != null ? shipment.customerEmail()
					: shipment.customerName().toLowerCase(Labels.LOCALE))
			.distinct()
			.count();
		long tookMillis = (System.nanoTime() - started) / 1_000_000;
		return drills.save(new RecallDrill(lot.lotCode(), clock.instant(), actor, tookMillis,
				count(units, Whereabouts.FIELD), count(units, Whereabouts.STOCK), count(units, Whereabouts.WIP),
				(int) customers, List.copyOf(suppliers), record));
	}

	/**
	 * @throws NotFoundException when there is no such drill
	 */
	@Transactional(readOnly = true)
	public RecallDrill get(long id) {
		return drills.findById(id).orElseThrow(() -> new NotFoundException("Recall drill", String.valueOf(id)));
	}

	/**
	 * @return the record of the drill as CSV, one row per affected unit
	 * @throws NotFoundException when there is no such drill
	 */
	@Transactional(readOnly = true)
	public byte[] recordCsv(long id) {
		return get(id).getRecordCsv();
	}

	/** The lot's latest drills, newest first. */
	@Transactional(readOnly = true)
	public List<RecallDrill> drillsOf(String lotCode) {
		return drills.findTop20ByLotCodeOrderByRunAtDesc(lotCode);
	}

	private static int count(List<RecallUnit> units, Whereabouts whereabouts) {
		return (int) units.stream().filter(unit -> unit.whereabouts() == whereabouts).count();
	}

	private static byte[] csv(List<RecallUnit> units) {
		StringWriter out = new StringWriter();
		try (CSVPrinter printer = CSVFormat.DEFAULT.builder().setHeader(COLUMNS).get().print(out)) {
			for (RecallUnit unit : units) {
				Shipment shipment = unit.shipment();
				printer.printRecord(unit.lotCode(), unit.serialNumber(), unit.partNumber(), unit.partKind(),
						unit.whereabouts(), unit.status(), unit.depth(),
						shipment == null ? null : shipment.customerName(),
						shipment == null ? null : shipment.customerEmail(),
						shipment == null ? null : shipment.shippedOn(), shipment == null ? null : shipment.reference());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

}
