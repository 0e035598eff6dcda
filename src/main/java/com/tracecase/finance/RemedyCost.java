package com.tracecase.finance;

import java.math.BigDecimal;

/**
 * What a decided remedy costs the company and whether finance must approve it first.
 *
 * @param amount the cost in the ledger currency, never {@literal null}
 * @param currency the ledger currency
 * @param approvalNeeded whether finance approves before the remedy is carried out
 */
public record RemedyCost(BigDecimal amount, String currency, boolean approvalNeeded) {
}
