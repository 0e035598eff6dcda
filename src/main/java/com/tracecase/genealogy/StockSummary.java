package com.tracecase.genealogy;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a part has in one status: how many lots with quantity on hand, how much in all,
 * and the oldest of them. Made by the database, so it costs the same whatever the stock.
 *
 * @param lotCount the lots with quantity on hand
 * @param quantity their quantity in all
 * @param oldest the oldest lots, at most as many as asked for
 */
public record StockSummary(int lotCount, BigDecimal quantity, List<StockLot> oldest) {

}
