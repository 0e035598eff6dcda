package com.tracecase.genealogy;

import java.math.BigDecimal;

/**
 * A lot consumed by a build.
 *
 * @param consumedLotCode the consumed lot, required
 * @param quantity consumed quantity, {@literal null} for one
 * @param producedLotCode the output that received it (unit-level), or {@literal null}
 * when every output of the build may contain it (build-level)
 */
public record NewConsumption(String consumedLotCode, BigDecimal quantity, String producedLotCode) {
}
