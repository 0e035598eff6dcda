package com.tracecase.genealogy;

import java.util.List;

/**
 * One page of removed parts and returned units, most recently disposed of first.
 *
 * @param page the page, from 0
 * @param size the page size
 * @param total how many match the filter
 * @param disposals the page's items
 */
public record DisposalPage(int page, int size, long total, List<Disposal> disposals) {

	public int lastPage() {
		return total == 0 ? 0 : (int) ((total - 1) / size);
	}

}
