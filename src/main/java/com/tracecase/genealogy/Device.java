package com.tracecase.genealogy;

public record Device(String serialNumber, String lotCode, String partNumber, String partDescription, String buildCode,
		int sequenceInBuild, java.time.LocalDate buildStartedOn, java.time.LocalDate buildCompletedOn,
		LotStatus status) {
}
