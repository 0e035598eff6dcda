package com.tracecase.genealogy;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A build to start. Its output lots are created with it, in production until the build
 * completes.
 *
 * @param buildCode unique build code, required
 * @param partNumber the output part, required
 * @param quantity output quantity, positive, required
 * @param startedOn may be {@literal null} for today
 * @param trackOutputsSeparately one single-unit lot with a generated serial number per
 * unit; {@literal null} for the part's own setting
 * @param serialPrefix prefix of generated serial numbers ({@code HX2} gives
 * {@code HX2-000123}); {@literal null} for the part number
 * @param outputLotCode the single output lot when outputs are not tracked separately;
 * {@literal null} for {@code <buildCode>-OUT}
 */
public record NewBuild(String buildCode, String partNumber, BigDecimal quantity, LocalDate startedOn,
		Boolean trackOutputsSeparately, String serialPrefix, String outputLotCode) {
}
