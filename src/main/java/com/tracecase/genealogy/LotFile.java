package com.tracecase.genealogy;

import java.time.Instant;

/**
 * A file attached to a lot: a test report, a repair protocol, a certificate.
 *
 * @param fileId its id
 * @param lotCode the lot
 * @param fileName the sanitized file name
 * @param contentType the declared content type
 * @param size bytes
 * @param uploadedAt when
 * @param uploadedBy who
 */
public record LotFile(String fileId, String lotCode, String fileName, String contentType, long size, Instant uploadedAt,
		String uploadedBy) {
}
