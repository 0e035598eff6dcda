package com.tracecase.genealogy;

public record LotFile(String fileId, String lotCode, String fileName, String contentType, long size,
		java.time.Instant uploadedAt, String uploadedBy) {
}
