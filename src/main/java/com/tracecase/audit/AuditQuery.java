package com.tracecase.audit;

import java.time.Instant;

import org.springframework.lang.Nullable;

/**
 * Which audit entries to read; every criterion may be left out.
 *
 * @param subject what kind of thing
 * @param key the thing (needs no subject)
 * @param actor who changed it
 * @param from changes at or after this instant
 * @param to changes before this instant
 * @param page the page, from 0
 * @param size entries per page, at least 1
 */
public record AuditQuery(@Nullable AuditSubject subject, @Nullable String key, @Nullable String actor,
		@Nullable Instant from, @Nullable Instant to, int page, int size) {

	public AuditQuery {
		if (page < 0 || size < 1) {
			throw new IllegalArgumentException("page must be at least 0 and size at least 1");
		}
	}

}
