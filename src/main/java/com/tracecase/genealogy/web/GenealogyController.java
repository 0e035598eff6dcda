package com.tracecase.genealogy.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;

import com.tracecase.genealogy.AtRiskReport;
import com.tracecase.genealogy.Build;
import com.tracecase.genealogy.Device;
import com.tracecase.genealogy.DeviceTrace;
import com.tracecase.genealogy.Genealogy;
import com.tracecase.genealogy.Lot;
import com.tracecase.genealogy.LotFile;
import com.tracecase.genealogy.LotManagement;
import com.tracecase.genealogy.LotStatus;
import com.tracecase.genealogy.LotTrace;
import com.tracecase.genealogy.NewBuild;
import com.tracecase.genealogy.NewConsumption;
import com.tracecase.genealogy.NewLot;
import com.tracecase.genealogy.Part;
import com.tracecase.genealogy.PartKind;
import com.tracecase.genealogy.ServiceEvent;
import com.tracecase.genealogy.Shipment;
import com.tracecase.genealogy.StockLot;
import com.tracecase.genealogy.WhereUsed;
import com.tracecase.shared.InvalidInputException;
import com.tracecase.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The genealogy over HTTP: parts, lots and builds, traces, where-used, at-risk, status,
 * files, labels and service history. Reads are open to every user; changes need the
 * quality, production or managers group, or an administrator.
 */
@RestController
@RequestMapping("/api/genealogy")
@Tag(name = "Genealogy", description = "Parts, lots, builds and serials; trace, where-used, at-risk; files and labels")
class GenealogyController {

	static final String MAY_CHANGE = "hasAnyAuthority('GROUP_qc', 'GROUP_production', 'GROUP_managers', 'GROUP_camunda-admin')";

	/**
	 * Customer data: the groups of {@code Groups.CUSTOMER_CONTACT}, and QC for recalls.
	 */
	static final String MAY_READ_CUSTOMERS = "hasAnyAuthority('GROUP_customer-service', 'GROUP_managers', 'GROUP_camunda-admin', 'GROUP_qc')";

	static final String MAY_ATTACH = "hasAnyAuthority('GROUP_qc', 'GROUP_production', 'GROUP_camunda-admin')";

	private static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private final Genealogy genealogy;

	private final LotManagement lots;

	GenealogyController(Genealogy genealogy, LotManagement lots) {
		this.genealogy = genealogy;
		this.lots = lots;
	}

	// devices

	@GetMapping("/serials/{serial}")
	Device device(@PathVariable String serial) {
		return genealogy.findDevice(serial).orElseThrow(() -> new NotFoundException("Serial number", serial));
	}

	@GetMapping("/serials/{serial}/trace")
	DeviceTrace traceDevice(@PathVariable String serial) {
		return genealogy.traceDevice(serial);
	}

	@GetMapping("/serials/{serial}/history")
	List<ServiceEvent> history(@PathVariable String serial) {
		return genealogy.serviceHistory(serial);
	}

	@PostMapping(path = "/serials/{serial}/events", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize(MAY_CHANGE)
	@Operation(summary = "Record a service event of a unit", description = "QC, production and managers.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "event",
							value = """
									{ "type": "INSPECTION", "summary": "Housing cracked near the USB port; charger board not touched." }"""))))
	@ApiResponse(responseCode = "200", description = "Recorded: the unit's service history")
	List<ServiceEvent> recordEvent(@PathVariable String serial, @RequestBody EventRequest request,
			Principal principal) {
		lots.recordServiceEvent(serial, request.type(), request.summary(), principal.getName());
		return genealogy.serviceHistory(serial);
	}

	@PostMapping(path = "/serials/{serial}/shipments", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize(MAY_CHANGE)
	@Operation(summary = "Record who a unit was shipped to", description = "QC, production and managers.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "shipment", value = """
							{
							  "customerName": "Northwind Logistics",
							  "customerEmail": "service@northwind.example",
							  "shippedOn": "2025-04-02",
							  "reference": "DN-2025-0412"
							}"""))))
	@ApiResponse(responseCode = "201", description = "Recorded: every shipment of the unit")
	ResponseEntity<List<Shipment>> recordShipment(@PathVariable String serial, @RequestBody Shipment shipment) {
		lots.recordShipment(serial, shipment);
		return ResponseEntity.created(URI.create("/api/genealogy/serials/" + serial.trim() + "/shipments"))
			.body(genealogy.shipments(serial.trim()));
	}

	/** Who has the unit: customer data, for those who deal with the customer. */
	@GetMapping("/serials/{serial}/shipments")
	@PreAuthorize(MAY_READ_CUSTOMERS)
	List<Shipment> shipments(@PathVariable String serial) {
		return genealogy.shipments(serial);
	}

	@PostMapping(path = "/serials/{serial}/repairs", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize(MAY_CHANGE)
	@Operation(summary = "Record a repair: one lot out of the unit, another in",
			description = "QC, production and managers. The installed lot must be in stock and not built from the unit.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "repair",
							value = """
									{ "removedLotCode": "BP-0001331", "installedLotCode": "BP-0002417", "reason": "Battery pack swollen" }"""))))
	@ApiResponse(responseCode = "200", description = "Repaired: the unit's trace as it is now")
	DeviceTrace recordRepair(@PathVariable String serial, @RequestBody RepairRequest request, Principal principal) {
		lots.recordRepair(serial, request.removedLotCode(), request.installedLotCode(), principal.getName(),
				request.reason());
		return genealogy.traceDevice(serial);
	}

	@PostMapping(path = "/at-risk", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Rank the lots that failed units share",
			description = "A question, not a change: any signed-in user.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "serials", value = """
							{ "serials": ["HX2-001331", "HX2-001589", "HX2-001859"] }"""))))
	AtRiskReport atRisk(@RequestBody AtRiskRequest request) {
		if (request.serials() == null || request.serials().isEmpty()) {
			throw new InvalidInputException("serials", "At least one failed serial number is required.");
		}
		return genealogy.atRiskReport(request.serials());
	}

	// lots

	@PostMapping(path = "/lots", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize(MAY_CHANGE)
	@Operation(summary = "Receive a lot", description = "QC, production and managers.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "lot", value = """
							{
							  "lotCode": "U-BQ25895-TI-0107",
							  "partNumber": "U-BQ25895",
							  "supplier": "Texas Instruments",
							  "dateCode": "2531",
							  "quantity": 3000,
							  "createdOn": "2025-08-04",
							  "location": "STORES-A",
							  "status": "AVAILABLE"
							}"""))))
	@ApiResponse(responseCode = "201", description = "Created, at `Location`")
	@ApiResponse(responseCode = "409", description = "The lot was created at the same moment by another request")
	@ApiResponse(responseCode = "422", description = """
			Invalid input, nothing created: each wrong field in `errors` (an unknown part, a lot code or serial \
			number that exists already).""")
	ResponseEntity<Lot> createLot(@RequestBody NewLot lot) {
		Lot created = lots.createLot(lot);
		return ResponseEntity.created(URI.create("/api/genealogy/lots/" + created.lotCode())).body(created);
	}

	@GetMapping("/lots/{lotCode}")
	LotResponse lot(@PathVariable String lotCode) {
		return new LotResponse(genealogy.getLot(lotCode), genealogy.lotUrl(lotCode));
	}

	@GetMapping("/lots/{lotCode}/trace")
	LotTrace traceLot(@PathVariable String lotCode) {
		return genealogy.traceLot(lotCode);
	}

	/**
	 * One page as JSON, or every downstream lot as CSV ({@code Accept: text/csv} or
	 * {@code format=csv}) written while the database cursor reads it.
	 */
	@GetMapping("/lots/{lotCode}/where-used")
	ResponseEntity<WhereUsed> whereUsed(@PathVariable String lotCode, @RequestParam(required = false) String kind,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size,
			@RequestParam(required = false) String format,
			@RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept, HttpServletResponse response)
			throws IOException {
		PartKind partKind = Params.parse(PartKind.class, kind, "kind");
		if ("csv".equalsIgnoreCase(format) || wantsCsv(accept)) {
			writeCsv(lotCode, partKind, response);
			return null;
		}
		return ResponseEntity.ok(genealogy.whereUsed(lotCode, partKind, page, size));
	}

	private static boolean wantsCsv(String accept) {
		if (accept == null) {
			return false;
		}
		for (MediaType type : MediaType.parseMediaTypes(accept)) {
			if (type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType()) {
				return false;
			}
			if (type.getType().equals("text") && type.getSubtype().equals("csv")) {
				return true;
			}
		}
		return false;
	}

	private void writeCsv(String lotCode, PartKind partKind, HttpServletResponse response) throws IOException {
		genealogy.getLot(lotCode);
		response.setContentType(TEXT_CSV.toString());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment()
					.filename("where-used-" + lotCode + ".csv", StandardCharsets.UTF_8)
					.build()
					.toString());
		Writer writer = response.getWriter();
		CSVPrinter csv = new CSVPrinter(writer,
				CSVFormat.DEFAULT.builder()
					.setHeader("lot_code", "serial_number", "part_number", "status", "depth")
					.setRecordSeparator("\n")
					.get());
		genealogy.streamWhereUsed(lotCode, partKind, lot -> {
			try {
				csv.printRecord(lot.lotCode(), lot.serialNumber(), lot.partNumber(), lot.status(), lot.depth());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		csv.flush();
	}

	@PostMapping(path = "/lots/{lotCode}/status", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize(MAY_CHANGE)
	@Operation(summary = "Change a lot's status, with a reason", description = "QC, production and managers.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "quarantine", value = """
							{ "status": "quarantined", "reason": "Charger ICs of this reel fail at 60 °C" }"""))))
	@ApiResponse(responseCode = "200", description = "Changed: the lot as it is now")
	@ApiResponse(responseCode = "422", description = "Not a status, or a change the lot's status does not allow")
	Lot changeStatus(@PathVariable String lotCode, @RequestBody StatusRequest request, Principal principal) {
		LotStatus status = Params.parse(LotStatus.class, request.status(), "status");
		lots.changeStatus(lotCode, status, principal.getName(), request.reason());
		return genealogy.getLot(lotCode);
	}

	@GetMapping(value = "/lots/{lotCode}/label", produces = MediaType.IMAGE_PNG_VALUE)
	ResponseEntity<byte[]> label(@PathVariable String lotCode) {
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("label-" + lotCode + ".png").build().toString())
			.body(genealogy.label(lotCode));
	}

	@PostMapping(path = "/lots/{lotCode}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize(MAY_ATTACH)
	@Operation(summary = "Attach a file to a lot",
			description = "QC and production: a certificate, an inspection report, a photo (up to 10 MB).")
	@ApiResponse(responseCode = "201", description = "Attached, at `Location`")
	@ApiResponse(responseCode = "413", description = "The file is larger than allowed")
	ResponseEntity<LotFile> attach(@PathVariable String lotCode, @RequestPart("file") MultipartFile file,
			Principal principal) throws IOException {
		LotFile attached = lots.attachFile(lotCode, file.getOriginalFilename(), file.getContentType(), file.getBytes(),
				principal.getName());
		return ResponseEntity.created(URI.create("/api/genealogy/lots/" + lotCode + "/files/" + attached.fileId()))
			.body(attached);
	}

	@GetMapping("/lots/{lotCode}/files")
	List<LotFile> files(@PathVariable String lotCode) {
		return genealogy.files(lotCode);
	}

	@GetMapping("/lots/{lotCode}/files/{fileId}")
	ResponseEntity<byte[]> download(@PathVariable String lotCode, @PathVariable String fileId) {
		LotFile file = genealogy.file(lotCode, fileId);
		MediaType type;
		try {
			type = MediaType.parseMediaType(file.contentType());
		}
		catch (RuntimeException ex) {
			type = MediaType.APPLICATION_OCTET_STREAM;
		}
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(file.fileName(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(genealogy.fileContent(lotCode, fileId));
	}

	// parts and builds

	@PostMapping(path = "/parts", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize(MAY_CHANGE)
	@Operation(summary = "Create a part", description = "QC, production and managers.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "component", value = """
							{
							  "partNumber": "U-BQ25895",
							  "description": "Charger/PMIC BQ25895 QFN24",
							  "kind": "component",
							  "unitCost": 2.85,
							  "manufacturer": "Texas Instruments"
							}"""))))
	@ApiResponse(responseCode = "201", description = "Created, at `Location`")
	@ApiResponse(responseCode = "409", description = "The part was created at the same moment by another request")
	ResponseEntity<Part> createPart(@RequestBody PartRequest request) {
		Part part = lots.createPart(new Part(request.partNumber(), request.description(),
				Params.parse(PartKind.class, request.kind(), "kind"), request.unitCost(), request.manufacturer(),
				request.serialized() != null ? request.serialized() : "product".equalsIgnoreCase(request.kind())));
		return ResponseEntity.created(URI.create("/api/genealogy/parts/" + part.partNumber())).body(part);
	}

	@GetMapping("/parts/{partNumber}")
	Part part(@PathVariable String partNumber) {
		return genealogy.findPart(partNumber).orElseThrow(() -> new NotFoundException("Part", partNumber));
	}

	@GetMapping("/parts/{partNumber}/stock")
	List<StockLot> stock(@PathVariable String partNumber, @RequestParam(defaultValue = "available") String status) {
		part(partNumber);
		return genealogy.stock(partNumber, Params.parse(LotStatus.class, status, "status"));
	}

	@PostMapping(path = "/builds", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize(MAY_CHANGE)
	@Operation(summary = "Start a build",
			description = "QC, production and managers. A serialized part gets one output lot per unit.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "build", value = """
							{
							  "buildCode": "B-DEV-00031",
							  "partNumber": "HX2",
							  "quantity": 120,
							  "startedOn": "2025-08-11",
							  "trackOutputsSeparately": true,
							  "serialPrefix": "HX2-"
							}"""))))
	@ApiResponse(responseCode = "201", description = "Started, at `Location`, with its output lots")
	@ApiResponse(responseCode = "409", description = "The build was created at the same moment by another request")
	ResponseEntity<BuildResponse> createBuild(@RequestBody NewBuild build) {
		lots.createBuild(build);
		return ResponseEntity.created(URI.create("/api/genealogy/builds/" + build.buildCode()))
			.body(build(build.buildCode()));
	}

	@GetMapping("/builds/{buildCode}")
	BuildResponse build(@PathVariable String buildCode) {
		Build build = genealogy.findBuild(buildCode).orElseThrow(() -> new NotFoundException("Build", buildCode));
		return new BuildResponse(build, genealogy.buildOutputs(buildCode));
	}

	@PostMapping(path = "/builds/{buildCode}/consumptions", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize(MAY_CHANGE)
	@Operation(summary = "Record what a build consumed",
			description = "QC, production and managers. Without `producedLotCode` the lot went into every output.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(name = "consumptions", value = """
							[
							  { "consumedLotCode": "U-BQ25895-TI-0107", "quantity": 120 },
							  { "consumedLotCode": "BP-0002417", "quantity": 1, "producedLotCode": "HX2-002417" }
							]"""))))
	@ApiResponse(responseCode = "204", description = "Recorded")
	@ApiResponse(responseCode = "422", description = """
			Invalid input, nothing recorded: each wrong entry in `errors` by its index (`[1].consumedLotCode`), \
			e.g. an unknown lot, more than is left, or a lot built from the build's own output.""")
	ResponseEntity<Void> consume(@PathVariable String buildCode, @RequestBody List<NewConsumption> consumptions) {
		lots.recordConsumptions(buildCode, consumptions);
		return ResponseEntity.noContent().build();
	}

	@PostMapping(path = "/builds/{buildCode}/complete", produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize(MAY_CHANGE)
	@Operation(summary = "Complete a build: its outputs become available", description = "QC, production and managers.")
	@ApiResponse(responseCode = "200", description = "Completed: the build and its outputs")
	@ApiResponse(responseCode = "422", description = "The build is completed already")
	BuildResponse complete(@PathVariable String buildCode, Principal principal) {
		lots.completeBuild(buildCode, principal.getName());
		return build(buildCode);
	}

	record EventRequest(String type, String summary) {
	}

	record RepairRequest(String removedLotCode, String installedLotCode, String reason) {
	}

	record AtRiskRequest(List<String> serials) {
	}

	record StatusRequest(String status, String reason) {
	}

	record PartRequest(String partNumber, String description, String kind, BigDecimal unitCost, String manufacturer,
			Boolean serialized) {
	}

	record LotResponse(Lot lot, String url) {
	}

	record BuildResponse(Build build, List<Lot> outputs) {
	}

}
