package com.tracecase.genealogy;

import java.time.LocalDate;

/**
 * A serialized unit: a single-unit lot with a serial number, usually the output of a
 * build.
 *
 * @param serialNumber the serial number
 * @param lotCode the lot code of the unit
 * @param partNumber its part
 * @param partDescription the part's description
 * @param buildCode the build that produced it, may be {@literal null}
 * @param sequenceInBuild its position in the build ({@code buildCode#sequence}), 0
 * without a build
 * @param buildStartedOn may be {@literal null}
 * @param buildCompletedOn {@literal null} while the build runs
 * @param status the lot's status
 */
public record Device(String serialNumber, String lotCode, String partNumber, String partDescription, String buildCode,
		int sequenceInBuild, LocalDate buildStartedOn, LocalDate buildCompletedOn, LotStatus status) {
}
