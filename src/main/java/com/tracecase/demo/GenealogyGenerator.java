package com.tracecase.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Writes a realistic genealogy of HX2 handheld scanners in the interchange format,
 * deterministic for a seed: components from named suppliers, mainboard assemblies with
 * reel changes mid-build (unit-level rows), battery packs, and serialized devices of
 * which the older ones are shipped and the newest build is still in production, and a
 * full spare lot of every component in stores. Memory stays flat in the number of
 * devices, so the same generator feeds the demo and the benchmark.
 */
public class GenealogyGenerator {

	static final String DEVICE_PART = "HX2";

	static final String BOARD_PART = "HX2-MB-A";

	static final String PACK_PART = "HX2-BP-2S";

	/** The charger IC reel the demo's failure reports point at. */
	static final String SUSPECT_PART = "U-BQ25895";

	static final int SUSPECT_REEL = 2;

	private static final int BOARDS_PER_BUILD = 500;

	private static final int PACKS_PER_BUILD = 600;

	private static final int DEVICES_PER_BUILD = 250;

	private static final LocalDate FIRST_DAY = LocalDate.of(2025, 3, 3);

	private final int devices;

	private final Random random;

	private final Writer lots;

	private final Writer consumptions;

	private final List<Supply> supplies = new ArrayList<>();

	/** the suspect reel's boards, by board number */
	private final Set<Integer> suspectBoards = new LinkedHashSet<>();

	private final List<String> shippedWithSuspectReel = new ArrayList<>();

	/** Who each shipped device went to: serial, customer, email (may be empty), date. */
	private final StringBuilder shipments = new StringBuilder(
			"serial_number,customer_name,customer_email,shipped_on,reference\n");

	/**
	 * The demo's customers: retailers and fleets, one without an email address (it is
	 * told by phone).
	 */
	private static final String[][] CUSTOMERS = { { "Northwind Traders", "orders@northwind.example" },
			{ "Contoso Logistics", "fleet@contoso.example" }, { "Fabrikam Retail", "stores@fabrikam.example" },
			{ "Tailspin Warehousing", "it@tailspin.example" }, { "Wide World Importers", "purchasing@wwi.example" },
			{ "Adventure Works Stores", "" } };

	public GenealogyGenerator(int devices, long seed, Writer lots, Writer consumptions) {
		this.devices = devices;
		this.random = new Random(seed);
		this.lots = lots;
		this.consumptions = consumptions;
	}

	public static String parts() {
		return """
				part_number,description,kind,unit_cost,manufacturer
				HX2,HX2 Handheld Scanner,product,189.00,Tracecase Devices
				HX2-MB-A,HX2 mainboard assembly,subassembly,41.50,Tracecase Devices
				HX2-BP-2S,HX2 battery pack 2S 7.2V,subassembly,12.80,Tracecase Devices
				R-10K-0402,Resistor 10k 1% 0402,component,0.002,Yageo
				C-100N-0402,MLCC 100nF 16V X7R 0402,component,0.003,Murata
				L-2U2-0806,Power inductor 2.2uH 0806,component,0.09,TDK
				U-STM32L476,MCU STM32L476RG LQFP64,component,6.10,STMicroelectronics
				U-BQ25895,Charger/PMIC BQ25895 QFN24,component,2.35,Texas Instruments
				J-USBC-217175,USB-C receptacle 16 pin,component,0.42,Molex
				J-BATT-3P,Battery connector 3 pin,component,0.11,JST
				PCB-HX2-MB,HX2 mainboard PCB rev C,component,3.20,AT&S
				CELL-INR18650,Li-ion cell INR18650 3500mAh,component,2.95,LG Energy Solution
				HSG-HX2,HX2 housing set,component,4.60,Protolabs
				DSP-HX2-24,2.4in TFT display module,component,7.90,BOE
				""";
	}

	/** Writes lots and consumptions; returns the builds CSV (small). */
	public String generate() {
		StringBuilder builds = new StringBuilder("build_code,part_number,quantity,started_on,completed_on\n");
		try {
			lots.write("lot_code,part_number,supplier,quantity,created_on,status,serial_number,build_code,date_code,"
					+ "location\n");
			consumptions.write("build_code,consumed_lot_code,quantity,produced_lot_code\n");
			Supply resistors = supply("R-10K-0402", "Yageo", 10_000, "RSV");
			Supply capacitors = supply("C-100N-0402", "Murata", 10_000, "MUR");
			Supply inductors = supply("L-2U2-0806", "TDK", 4_000, "TDK");
			Supply mcus = supply("U-STM32L476", "STMicroelectronics", 1_000, "STM");
			Supply chargers = supply(SUSPECT_PART, "Texas Instruments", 1_200, "TI");
			Supply usb = supply("J-USBC-217175", "Molex", 2_000, "MLX");
			Supply pcbs = supply("PCB-HX2-MB", "AT&S", 500, "ATS");
			Supply connectors = supply("J-BATT-3P", "JST", 2_000, "JST");
			Supply cells = supply("CELL-INR18650", "LG Energy Solution", 1_000, "LGE");
			Supply housings = supply("HSG-HX2", "Protolabs", 1_000, "PRL");
			Supply displays = supply("DSP-HX2-24", "BOE", 500, "BOE");

			int spares = Math.max(10, devices / 50);
			int boards = devices + spares;
			int packs = devices + spares;
			int day = 0;
			for (int first = 1, build = 1; first <= boards; first += BOARDS_PER_BUILD, build++) {
				int last = Math.min(boards, first + BOARDS_PER_BUILD - 1);
				String code = "B-MB-%05d".formatted(build);
				LocalDate started = FIRST_DAY.plusDays(day++);
				builds.append(buildRow(code, BOARD_PART, last - first + 1, started, started.plusDays(1)));
				List<String> outputs = new ArrayList<>();
				for (int board = first; board <= last; board++) {
					String serial = "MB-%07d".formatted(board);
					outputs.add(serial);
					output(serial, BOARD_PART, code, started.plusDays(1), board <= devices);
				}
				consume(pcbs, 1, outputs, code);
				consume(resistors, 12, outputs, code);
				consume(capacitors, 18, outputs, code);
				consume(inductors, 2, outputs, code);
				consume(mcus, 1, outputs, code);
				List<String> chargerReels = consume(chargers, 1, outputs, code);
				for (int i = 0; i < outputs.size(); i++) {
					if (chargerReels.get(i).equals(chargers.lotCode(SUSPECT_REEL))) {
						suspectBoards.add(first + i);
					}
				}
				consume(usb, 1, outputs, code);
			}
			for (int first = 1, build = 1; first <= packs; first += PACKS_PER_BUILD, build++) {
				int last = Math.min(packs, first + PACKS_PER_BUILD - 1);
				String code = "B-BP-%05d".formatted(build);
				LocalDate started = FIRST_DAY.plusDays(build);
				builds.append(buildRow(code, PACK_PART, last - first + 1, started, started));
				List<String> outputs = new ArrayList<>();
				for (int pack = first; pack <= last; pack++) {
					String serial = "BP-%07d".formatted(pack);
					outputs.add(serial);
					output(serial, PACK_PART, code, started, pack <= devices);
				}
				consume(cells, 2, outputs, code);
				consume(connectors, 1, outputs, code);
			}
			int deviceBuilds = (devices + DEVICES_PER_BUILD - 1) / DEVICES_PER_BUILD;
			for (int first = 1, build = 1; first <= devices; first += DEVICES_PER_BUILD, build++) {
				int last = Math.min(devices, first + DEVICES_PER_BUILD - 1);
				String code = "B-DEV-%05d".formatted(build);
				LocalDate started = FIRST_DAY.plusDays(7 + build * 2L);
				boolean running = build == deviceBuilds && deviceBuilds > 1;
				builds.append(
						buildRow(code, DEVICE_PART, last - first + 1, started, running ? null : started.plusDays(1)));
				List<String> outputs = new ArrayList<>();
				for (int device = first; device <= last; device++) {
					String serial = "HX2-%06d".formatted(device);
					outputs.add(serial);
					String status;
					if (running) {
						status = "IN_PRODUCTION";
					}
					else if (build >= deviceBuilds - 2) {
						status = "AVAILABLE";
					}
					else {
						status = random.nextInt(100) < 92 ? "SHIPPED" : "AVAILABLE";
					}
					if ("SHIPPED".equals(status) && suspectBoards.contains(device)) {
						shippedWithSuspectReel.add(serial);
					}
					if ("SHIPPED".equals(status)) {
						String[] customer = CUSTOMERS[(device * 7 + build) % CUSTOMERS.length];
						shipments
							.append(String.join(",", serial, customer[0], customer[1],
									started.plusDays(3 + device % 5).toString(), "DN-%06d".formatted(device)))
							.append('\n');
					}
					write(lots, serial, DEVICE_PART, "", "1", started.plusDays(1).toString(), status, serial, code, "",
							"SHIPPED".equals(status) ? "" : "FG-WAREHOUSE");
					write(consumptions, code, "MB-%07d".formatted(device), "1", serial);
					write(consumptions, code, "BP-%07d".formatted(device), "1", serial);
				}
				consume(housings, 1, outputs, code);
				consume(displays, 1, outputs, code);
			}
			for (Supply supply : supplies) {
				supply.writeLots();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return builds.toString();
	}

	/**
	 * Shipped devices whose mainboard carries the suspect charger reel, spread evenly
	 * over the reel so that no smaller lot (a PCB panel, a housing lot) holds all of
	 * them.
	 */
	public List<String> failingUnits(int count) {
		List<String> picked = new ArrayList<>();
		int n = shippedWithSuspectReel.size();
		for (int i = 0; i < count && n > 0; i++) {
			String serial = shippedWithSuspectReel.get((int) ((i + 0.5) * n / count));
			if (!picked.contains(serial)) {
				picked.add(serial);
			}
		}
		return picked;
	}

	/**
	 * @return {@code shipments.csv} of the shipped devices, after {@link #generate()}
	 */
	public String shipments() {
		return shipments.toString();
	}

	public static String suspectReel() {
		return "U-BQ25895-TI-%04d".formatted(SUSPECT_REEL);
	}

	private Supply supply(String part, String supplier, int lotSize, String code) {
		Supply supply = new Supply(part, supplier, lotSize, code);
		supplies.add(supply);
		return supply;
	}

	private void output(String serial, String part, String build, LocalDate on, boolean consumed) throws IOException {
		write(lots, serial, part, "", consumed ? "0" : "1", on.toString(), consumed ? "CONSUMED" : "AVAILABLE", serial,
				build, "", consumed ? "" : "WIP-STORES");
	}

	/**
	 * Draws {@code perUnit} pieces per output from the supply's current lot, opening the
	 * next lot when it runs short. One lot for the whole build is a build-level row; a
	 * lot change mid-build gives unit-level rows, as an MES reports a reel splice.
	 * @return the lot each output drew from
	 */
	private List<String> consume(Supply supply, int perUnit, List<String> outputs, String build) throws IOException {
		List<String> drawn = new ArrayList<>(outputs.size());
		for (int i = 0; i < outputs.size(); i++) {
			drawn.add(supply.draw(perUnit));
		}
		if (drawn.stream().distinct().count() == 1) {
			write(consumptions, build, drawn.get(0), String.valueOf(perUnit * outputs.size()), "");
		}
		else {
			for (int i = 0; i < outputs.size(); i++) {
				write(consumptions, build, drawn.get(i), String.valueOf(perUnit), outputs.get(i));
			}
		}
		return drawn;
	}

	private static String buildRow(String code, String part, int quantity, LocalDate started, LocalDate completed) {
		return String.join(",", code, part, String.valueOf(quantity), started.toString(),
				completed == null ? "" : completed.toString()) + "\n";
	}

	private static void write(Writer writer, String... cells) throws IOException {
		writer.write(String.join(",", cells));
		writer.write('\n');
	}

	/** Lots of one component, opened one after the other. */
	private final class Supply {

		private final String part;

		private final String supplier;

		private final int lotSize;

		private final String code;

		private final List<Integer> used = new ArrayList<>();

		private final List<String> dateCodes = new ArrayList<>();

		Supply(String part, String supplier, int lotSize, String code) {
			this.part = part;
			this.supplier = supplier;
			this.lotSize = lotSize;
			this.code = code;
		}

		String lotCode(int number) {
			return "%s-%s-%04d".formatted(part, code, number);
		}

		String draw(int pieces) {
			if (used.isEmpty() || used.get(used.size() - 1) + pieces > lotSize) {
				used.add(0);
				dateCodes.add("%02d%02d".formatted(24 + random.nextInt(2), 1 + random.nextInt(52)));
			}
			int last = used.size() - 1;
			used.set(last, used.get(last) + pieces);
			return lotCode(used.size());
		}

		void writeLots() throws IOException {
			for (int i = 0; i < used.size(); i++) {
				int left = lotSize - used.get(i);
				boolean open = i == used.size() - 1;
				write(lots, lotCode(i + 1), part, supplier, String.valueOf(left),
						FIRST_DAY.minusDays(30 - Math.min(29, i)).toString(),
						(left == 0 && !open) ? "CONSUMED" : "AVAILABLE", "", "", dateCodes.get(i),
						open ? "SMT-LINE-1" : "STORES-A");
			}
			// a full lot waits in stores, so that any lot of the part can be replaced in
			// a repair
			write(lots, lotCode(used.size() + 1), part, supplier, String.valueOf(lotSize), FIRST_DAY.toString(),
					"AVAILABLE", "", "", "%02d%02d".formatted(25, 1 + random.nextInt(52)), "STORES-A");
		}

	}

}
