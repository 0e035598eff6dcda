package com.tracecase.genealogy;

import java.time.Instant;

/**
 * One entry in a unit's service history.
 *
 * @param at when
 * @param type e.g. {@code BUILT}, {@code STATUS_CHANGED}, {@code FILE_ATTACHED},
 * {@code REPAIRED}, {@code REPORTED_FAILING}
 * @param summary what happened, for a person to read
 * @param actor who, may be {@literal null} for the build
 */
public record ServiceEvent(Instant at, String type, String summary, String actor) {
}
