package com.tracecase.finance;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The warranty ledger: costs of failure cases, posted exactly once per case.
 */
@Service
public class WarrantyLedger {

	private final LedgerEntries entries;

	private final WarrantyCosts costs;

	private final Clock clock;

	WarrantyLedger(LedgerEntries entries, WarrantyCosts costs, Clock clock) {
		this.entries = entries;
		this.costs = costs;
		this.clock = clock;
	}

	/**
	 * Posts a case's costs. A case that has entries already is left as it is, so posting
	 * twice books once; the unique key (case, kind) backs this up against two nodes
	 * posting at once.
	 * @return the case's entries, never {@literal null}
	 */
	@Transactional
	public List<LedgerEntry> post(String caseNumber, List<CostLine> lines, boolean chargedToCustomer) {
		if (!entries.existsByCaseNumber(caseNumber)) {
			lines.stream()
				.filter(line -> line.amount().signum() != 0)
				.forEach(line -> entries.save(new LedgerEntry(caseNumber, line.kind(), line.amount(), costs.currency(),
						line.description(), chargedToCustomer, clock.instant())));
		}
		return entries.findByCaseNumberOrderByKind(caseNumber);
	}

	@Transactional(readOnly = true)
	public List<LedgerEntry> entries(String caseNumber) {
		return entries.findByCaseNumberOrderByKind(caseNumber);
	}

}
