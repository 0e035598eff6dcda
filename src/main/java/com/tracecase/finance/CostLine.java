package com.tracecase.finance;

import java.math.BigDecimal;

/**
 * A cost to post.
 *
 * @param kind what it is for
 * @param amount how much, in the ledger currency
 * @param description for the accountant
 */
public record CostLine(CostKind kind, BigDecimal amount, String description) {
}
