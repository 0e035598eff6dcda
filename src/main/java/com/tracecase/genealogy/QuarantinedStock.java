package com.tracecase.genealogy;

import java.util.List;

/**
 * One page of the lots held in quarantine, most recently quarantined first.
 *
 * @param page the page, from 0
 * @param size the page size
 * @param total how many lots are quarantined
 * @param lots the page's lots
 */
public record QuarantinedStock(int page, int size, long total, List<QuarantinedLot> lots) {

	public int lastPage() {
		return total == 0 ? 0 : (int) ((total - 1) / size);
	}

}
