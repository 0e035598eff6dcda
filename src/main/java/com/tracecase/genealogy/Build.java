package com.tracecase.genealogy;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A production order: consumes lots, produces lots of one part.
 *
 * @param buildCode unique build code
 * @param partNumber the output part
 * @param quantity planned output quantity
 * @param startedOn may be {@literal null}
 * @param completedOn {@literal null} until completed
 * @param status {@code PLANNED}, {@code IN_PROGRESS} or {@code COMPLETED}
 * @param outputs number of output lots
 */
public record Build(String buildCode, String partNumber, BigDecimal quantity, LocalDate startedOn,
		LocalDate completedOn, String status, long outputs) {
}
