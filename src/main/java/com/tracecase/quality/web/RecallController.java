package com.tracecase.quality.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.tracecase.quality.CampaignUnit;
import com.tracecase.quality.RecallCampaign;
import com.tracecase.quality.RecallCampaignStatus;
import com.tracecase.quality.RecallProgress;
import com.tracecase.quality.RecallUnitStatus;
import com.tracecase.quality.Recalls;
import com.tracecase.quality.web.RecallViews.CampaignView;
import com.tracecase.quality.web.RecallViews.UnitView;
import com.tracecase.shared.Groups;
import com.tracecase.shared.InvalidInputException;
import com.tracecase.shared.Labels;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.data.domain.Page;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * Recall campaigns over HTTP: start one for a lot, read its progress and its units, book
 * what happened to a unit, download the units as CSV. Customers' names and addresses are
 * only for those who deal with customers.
 */
@RestController
@RequestMapping("/api/recalls")
class RecallController {

	/** Who starts a campaign: QC, managers and administrators. */
	static final String MAY_START = "hasAnyAuthority('GROUP_qc', 'GROUP_managers', 'GROUP_camunda-admin')";

	/** Who books what happened to a unit: every group that may book some outcome. */
	static final String MAY_BOOK = "hasAnyAuthority('GROUP_customer-service', 'GROUP_qc', 'GROUP_production', "
			+ "'GROUP_managers', 'GROUP_camunda-admin')";

	static final int MAX_PAGE_SIZE = 500;

	private final Recalls recalls;

	private final Clock clock;

	RecallController(Recalls recalls, Clock clock) {
		this.recalls = recalls;
		this.clock = clock;
	}

	/**
	 * @param lotCode the lot to recall
	 * @param reason why
	 */
	record StartRequest(String lotCode, String reason) {
	}

	/**
	 * @param status what happened to the unit: {@code NOTIFIED}, {@code RETURNED},
	 * {@code REPAIRED}, {@code REPLACED} or {@code CLOSED}
	 * @param note how, or why it is closed (required then)
	 */
	record UnitUpdate(String status, String note) {
	}

	@PostMapping
	@PreAuthorize(MAY_START)
	ResponseEntity<CampaignView> start(@RequestBody StartRequest request, Authentication user) {
		RecallCampaign campaign = recalls.start(request.lotCode(), request.reason(), user.getName());
		return ResponseEntity
			.created(URI
				.create("/api/recalls/" + UriUtils.encodePathSegment(campaign.getReference(), StandardCharsets.UTF_8)))
			.body(view(campaign));
	}

	@GetMapping
	List<CampaignView> campaigns(@RequestParam(required = false) String status,
			@RequestParam(defaultValue = "100") int limit) {
		RecallCampaignStatus wanted = status == null || status.isBlank() ? null
				: parse(RecallCampaignStatus.class, "status", status);
		List<RecallCampaign> campaigns = recalls.campaigns(wanted, Math.max(1, Math.min(limit, MAX_PAGE_SIZE)));
		Map<Long, RecallProgress> progress = recalls.progressOf(campaigns);
		return campaigns.stream()
			.map(campaign -> CampaignView.of(campaign, progress.get(campaign.getId()), clock.instant()))
			.toList();
	}

	@GetMapping("/{reference}")
	CampaignView campaign(@PathVariable String reference) {
		return view(recalls.get(reference));
	}

	@GetMapping("/{reference}/units")
	Map<String, Object> units(@PathVariable String reference, @RequestParam(required = false) String status,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size,
			Authentication user) {
		RecallUnitStatus wanted = status == null || status.isBlank() ? null
				: parse(RecallUnitStatus.class, "status", status);
		if (page < 0) {
			throw new InvalidInputException("page", "The page number starts at 0, not " + page + ".");
		}
		Page<CampaignUnit> units = recalls.units(reference, wanted, page, Math.max(1, Math.min(size, MAX_PAGE_SIZE)));
		boolean withCustomers = dealsWithCustomers(user);
		return Map.of("total", units.getTotalElements(), "page", units.getNumber(), "size", units.getSize(), "units",
				units.getContent().stream().map(unit -> UnitView.of(unit, withCustomers)).toList());
	}

	@GetMapping(value = "/{reference}/units.csv", produces = "text/csv")
	void unitsCsv(@PathVariable String reference, Authentication user, HttpServletResponse response)
			throws IOException {
		RecallCampaign campaign = recalls.get(reference);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				"attachment; filename=\"recall-" + campaign.getReference() + "-units.csv\"");
		recalls.writeUnitsCsv(campaign.getReference(), dealsWithCustomers(user), response.getWriter());
	}

	@PostMapping("/{reference}/units/{lotCode}")
	@PreAuthorize(MAY_BOOK)
	ResponseEntity<?> update(@PathVariable String reference, @PathVariable String lotCode,
			@RequestBody UnitUpdate update, Authentication user) {
		RecallUnitStatus status = update.status() == null || update.status().isBlank() ? null
				: parse(RecallUnitStatus.class, "status", update.status());
		if (status == null) {
			throw new InvalidInputException("status",
					"Say what happened to the unit: one of " + Arrays.toString(bookable()) + ".");
		}
		if (!status.mayBeBookedBy(groups(user))) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
					"Booking a unit as " + Labels.label(status).toLowerCase(Labels.LOCALE) + " is for "
							+ String.join(", ", status.bookedBy().stream().map(g -> Labels.label("Group", g)).toList())
							+ ".");
			problem.setTitle("Forbidden");
			return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
		}
		CampaignUnit unit = recalls.update(reference, lotCode, status, update.note(), user.getName());
		return ResponseEntity.ok(UnitView.of(unit, dealsWithCustomers(user)));
	}

	private CampaignView view(RecallCampaign campaign) {
		return CampaignView.of(campaign, recalls.progress(campaign), clock.instant());
	}

	private static RecallUnitStatus[] bookable() {
		return Arrays.stream(RecallUnitStatus.values())
			.filter(status -> !status.bookedBy().isEmpty())
			.toArray(RecallUnitStatus[]::new);
	}

	static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
		try {
			return Enum.valueOf(type, value.trim().toUpperCase(Labels.LOCALE));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(field, "Unknown " + field + " '" + value + "': use one of "
					+ Arrays.toString(type.getEnumConstants()) + ".");
		}
	}

	static Collection<String> groups(Authentication user) {
		return Groups.fromAuthorities(user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
	}

	static boolean dealsWithCustomers(Authentication user) {
		return groups(user).stream().anyMatch(Groups.CUSTOMER_CONTACT::contains);
	}

}
