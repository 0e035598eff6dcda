package com.tracecase.audit.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import com.tracecase.audit.AuditAction;
import com.tracecase.audit.AuditEntry;
import com.tracecase.audit.AuditPage;
import com.tracecase.audit.AuditQuery;
import com.tracecase.audit.AuditSubject;
import com.tracecase.audit.AuditTrail;
import com.tracecase.casework.CaseManagement;
import com.tracecase.shared.Groups;
import com.tracecase.shared.InvalidInputException;
import com.tracecase.shared.Labels;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail: who changed what and when, newest first, a page at a time. Managers
 * and administrators read all of it; everyone who may read a case reads that case's own
 * trail ({@code subject=CASE} or {@code DECISION} with its {@code key}).
 */
@RestController
@RequestMapping(path = "/api/audit", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Audit trail",
		description = "Who changed what and when (managers, administrators; a case's own trail for all who read the case)")
class AuditController {

	static final int DEFAULT_SIZE = 50;

	static final int MAX_SIZE = 200;

	private static final Set<AuditSubject> CASE_TRAIL = Set.of(AuditSubject.CASE, AuditSubject.DECISION);

	private static final Set<String> READ_ALL = Set.of(Groups.authority(Groups.MANAGERS),
			Groups.authority(Groups.ADMINS));

	private final AuditTrail trail;

	private final CaseManagement cases;

	AuditController(AuditTrail trail, CaseManagement cases) {
		this.trail = trail;
		this.cases = cases;
	}

	@GetMapping
	AuditPageView find(
			@Parameter(description = "LOT, UNIT, BUILD, CASE, DECISION, CONTAINMENT, SUPPLIER_ACTION, "
					+ "RECALL_CAMPAIGN") @RequestParam(required = false) String subject,
			@Parameter(description = "lot code, serial number, build code, case number or reference") @RequestParam(
					required = false) String key,
			@Parameter(description = "who made the change; tracecase for the process") @RequestParam(
					required = false) String user,
			@Parameter(description = "from this instant (ISO-8601) or date (UTC), inclusive") @RequestParam(
					required = false) String from,
			@Parameter(description = "up to this instant (exclusive) or date (UTC, inclusive)") @RequestParam(
					required = false) String to,
			@Parameter(description = "the page, from 0; newest first") @RequestParam(required = false) String page,
			@Parameter(description = "entries per page, 1 to 200, default 50") @RequestParam(
					required = false) String size,
			Authentication authentication) {
		AuditSubject wanted = subject(subject);
		String thing = text("key", key);
		Instant start = instant("from", from, false);
		Instant end = instant("to", to, true);
		if (start != null && end != null && !start.isBefore(end)) {
			throw new InvalidInputException("to", "The period must end after it starts (" + from + ").");
		}
		int pageNumber = number("page", page, 0, 0, Integer.MAX_VALUE / MAX_SIZE);
		int pageSize = number("size", size, DEFAULT_SIZE, 1, MAX_SIZE);
		if (!mayReadAll(authentication)) {
			if (wanted == null || !CASE_TRAIL.contains(wanted) || thing == null) {
				throw new AccessDeniedException(
						"Only managers and administrators read the whole audit trail; others read a case's own.");
			}
			// one who may read the case may read its trail: an unknown case is not found
			cases.get(thing);
		}
		AuditPage found = trail
			.find(new AuditQuery(wanted, thing, text("user", user), start, end, pageNumber, pageSize));
		return new AuditPageView(found.entries().stream().map(AuditEntryView::of).toList(), found.page(), found.size(),
				found.hasNext());
	}

	private static boolean mayReadAll(Authentication authentication) {
		return authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch(READ_ALL::contains);
	}

	@Nullable
	private static AuditSubject subject(@Nullable String subject) {
		String code = text("subject", subject);
		if (code == null) {
			return null;
		}
		String name = code.toUpperCase(Locale.ROOT).replace('-', '_');
		return Arrays.stream(AuditSubject.values())
			.filter(value -> value.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("subject",
					"'" + subject + "' is not a kind of thing the trail " + "keeps; use one of "
							+ Arrays.stream(AuditSubject.values()).map(Enum::name).collect(Collectors.joining(", "))
							+ "."));
	}

	@Nullable
	private static String text(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (value.length() > 100) {
			throw new InvalidInputException(field, "'" + field + "' is longer than 100 characters.");
		}
		return value.strip();
	}

	@Nullable
	private static Instant instant(String field, @Nullable String value, boolean end) {
		String text = text(field, value);
		if (text == null) {
			return null;
		}
		try {
			if (text.length() == 10) {
				LocalDate date = LocalDate.parse(text);
				return (end ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant();
			}
			return Instant.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(field,
					"'" + value + "' is neither a date (2026-03-01) nor an instant " + "(2026-03-01T08:00:00Z).");
		}
	}

	private static int number(String field, @Nullable String value, int absent, int min, int max) {
		String text = text(field, value);
		if (text == null) {
			return absent;
		}
		try {
			int number = Integer.parseInt(text);
			if (number >= min && number <= max) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw new InvalidInputException(field,
				"'" + field + "' must be a whole number from " + min + " to " + max + ", not '" + value + "'.");
	}

	/**
	 * @param entries newest first
	 * @param page the page, from 0
	 * @param size entries per page
	 * @param hasNext whether an older page follows ({@code page + 1})
	 */
	record AuditPageView(List<AuditEntryView> entries, int page, int size, boolean hasNext) {
	}

	/**
	 * One change, with labels beside the codes.
	 */
	record AuditEntryView(long id, Instant at, String user, AuditSubject subject, String subjectLabel, String key,
			AuditAction action, String actionLabel, String summary, @Nullable String oldValue,
			@Nullable String oldValueLabel, @Nullable String newValue, @Nullable String newValueLabel) {

		static AuditEntryView of(AuditEntry entry) {
			return new AuditEntryView(entry.id(), entry.at(), entry.actor(), entry.subject(),
					Labels.label(entry.subject()), entry.key(), entry.action(), Labels.label(entry.action()),
					entry.summary(), entry.oldValue(), label(entry, entry.oldValue()), entry.newValue(),
					label(entry, entry.newValue()));
		}

		private static String label(AuditEntry entry, @Nullable String value) {
			return entry.valueType() == null || value == null ? value : Labels.label(entry.valueType(), value);
		}

	}

}
