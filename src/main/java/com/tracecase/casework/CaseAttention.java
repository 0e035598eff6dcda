package com.tracecase.casework;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * A problem that stops a case until someone solves it: a step that failed for good.
 *
 * @param problemId identifies the problem where it happened (the process engine's
 * incident id)
 * @param step the name of the step that failed
 * @param message what went wrong, in words a person can act on
 * @param since when it happened
 */
@Embeddable
public record CaseAttention(@Column(nullable = false) String problemId, @Column(nullable = false) String step,
		@Column(nullable = false) String message, @Column(nullable = false) Instant since) {

	public CaseAttention {
		Assert.hasText(problemId, "The problem id must not be blank");
		Assert.notNull(since, "The time must not be null");
		step = abbreviate(StringUtils.hasText(step) ? step.strip() : "Unnamed step", 255);
		message = abbreviate(StringUtils.hasText(message) ? message.strip() : "The step failed.", 2000);
	}

	private static String abbreviate(String text, int length) {
		return text.length() <= length ? text : text.substring(0, length - 1) + "…";
	}

}
