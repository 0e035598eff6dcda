package com.tracecase.casework.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import com.tracecase.casework.CaseStatus;
import com.tracecase.shared.InvalidInputException.Violation;

import org.springframework.util.StringUtils;

/**
 * The filters of the case list as they come from the page, kept as typed so that the page
 * can show them again; each is checked where it is read.
 *
 * @param status a {@link CaseStatus} code
 * @param serial a serial number
 * @param lot a lot code
 * @param from reported on or after this day, {@code yyyy-MM-dd}
 * @param step the id of a step of the case process
 * @param olderThan reported more than this many days ago
 * @param page the page, from 1
 */
public record CaseListQuery(String status, String serial, String lot, String from, String step, String olderThan,
		String page) {

	/** A hundred years: older than that is a typing error. */
	static final int MAX_AGE_DAYS = 36500;

	CaseStatus status(List<Violation> errors) {
		if (!StringUtils.hasText(status)) {
			return null;
		}
		try {
			return CaseStatus.valueOf(status.trim());
		}
		catch (IllegalArgumentException ex) {
			errors.add(new Violation("status", "Choose a status from the list."));
			return null;
		}
	}

	String step(Map<String, String> steps, List<Violation> errors) {
		if (!StringUtils.hasText(step)) {
			return null;
		}
		if (!steps.containsKey(step.trim())) {
			errors.add(new Violation("step", "Choose a step from the list."));
			return null;
		}
		return step.trim();
	}

	LocalDate from(List<Violation> errors) {
		if (!StringUtils.hasText(from)) {
			return null;
		}
		try {
			return LocalDate.parse(from.trim());
		}
		catch (DateTimeParseException ex) {
			errors.add(new Violation("from", "Enter the date reported since as a real date, e.g. 2026-03-01."));
			return null;
		}
	}

	Integer olderThanDays(List<Violation> errors) {
		if (!StringUtils.hasText(olderThan)) {
			return null;
		}
		try {
			int days = Integer.parseInt(olderThan.trim());
			if (days < 0 || days > MAX_AGE_DAYS) {
				errors.add(new Violation("olderThan",
						"Enter the age in days as a number from 0 to " + MAX_AGE_DAYS + "."));
				return null;
			}
			return days;
		}
		catch (NumberFormatException ex) {
			errors.add(new Violation("olderThan", "Enter the age in whole days, e.g. 7."));
			return null;
		}
	}

	/**
	 * @return the page asked for, from 0; the first page for anything but a page number
	 */
	int pageIndex() {
		try {
			return StringUtils.hasText(page) ? Math.max(0, Integer.parseInt(page.trim()) - 1) : 0;
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	/**
	 * @param number a page, from 1
	 * @return the link to that page of the list with the same filters
	 */
	public String pageLink(int number) {
		StringBuilder link = new StringBuilder("/cases?");
		param(link, "status", status);
		param(link, "serial", serial);
		param(link, "lot", lot);
		param(link, "from", from);
		param(link, "step", step);
		param(link, "olderThan", olderThan);
		return link.append("page=").append(number).toString();
	}

	private static void param(StringBuilder link, String name, String value) {
		if (StringUtils.hasText(value)) {
			link.append(name).append('=').append(URLEncoder.encode(value.trim(), StandardCharsets.UTF_8)).append('&');
		}
	}

}
