/**
 * Warranty finance: cost estimates for repair and replacement, approval thresholds, and
 * the warranty ledger, kept apart from regular procurement.
 */
package com.tracecase.finance;
