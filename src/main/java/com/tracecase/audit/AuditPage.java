package com.tracecase.audit;

import java.util.List;

/**
 * One page of audit entries, newest first.
 *
 * @param entries the entries, never {@literal null}
 * @param page the page, from 0
 * @param size entries per page
 * @param hasNext whether an older page follows
 */
public record AuditPage(List<AuditEntry> entries, int page, int size, boolean hasNext) {
}
