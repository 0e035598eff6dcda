package com.tracecase.audit;

import java.time.Instant;

import org.springframework.lang.Nullable;

/**
 * One change: who, when, on what, and what changed.
 *
 * @param id the entry's number, in the order entries were written
 * @param at when the change was made
 * @param actor the user, or {@code tracecase} for the process
 * @param subject what kind of thing changed
 * @param key the thing: lot code, build code, case number, reference
 * @param action what was done
 * @param summary a short readable sentence
 * @param valueType the enum type of the values when they are codes, e.g.
 * {@code LotStatus}
 * @param oldValue the value before, where one applies
 * @param newValue the value after, where one applies
 */
public record AuditEntry(long id, Instant at, String actor, AuditSubject subject, String key, AuditAction action,
		String summary, @Nullable String valueType, @Nullable String oldValue, @Nullable String newValue) {

	/** Who acts when no person does: the processes and their jobs. */
	public static final String PROCESS_ACTOR = "tracecase";

}
