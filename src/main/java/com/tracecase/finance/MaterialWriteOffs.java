package com.tracecase.finance;

import com.tracecase.genealogy.MaterialDisposed;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A removed part or returned unit disposed of through a case is written off to that case
 * in the warranty ledger, in the transaction that disposed of it: both land or neither.
 */
@Component
class MaterialWriteOffs {

	private final WarrantyLedger ledger;

	MaterialWriteOffs(WarrantyLedger ledger) {
		this.ledger = ledger;
	}

	@EventListener
	void on(MaterialDisposed event) {
		ledger.writeOff(event.caseNumber(), event.lotCode(), event.unitCost(), event.description());
	}

}
