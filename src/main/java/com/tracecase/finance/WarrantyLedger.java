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

	/**
	 * Posts the cost of the remedy carried out, line by line, apart from regular
	 * procurement. Posting a case twice keeps the first posting.
	 * @param caseNumber must not be {@literal null}
	 * @param remedy the remedy carried out, must not be {@literal null}
	 * @param estimate the case's estimate, must not be {@literal null}
	 * @param chargedToCustomer whether the customer pays
	 * @param installedLotCode the lot put into a repaired unit, may be {@literal null}
	 * @param replacementSerial the unit shipped as a replacement, may be {@literal null}
	 * @return the case's ledger entries, never {@literal null}
	 */
	@Transactional
	public List<LedgerEntry> postRemedy(String caseNumber, Remedy remedy, CostEstimate estimate,
			boolean chargedToCustomer, String installedLotCode, String replacementSerial) {
		List<CostLine> lines = switch (remedy) {
			case REPAIR -> List.of(new CostLine(CostKind.LABOR, estimate.laborCost(), "Repair labor, " + caseNumber),
					new CostLine(CostKind.PARTS, estimate.partsCost(),
							"Parts from lot " + (installedLotCode == null ? "(none recorded)" : installedLotCode) + ", "
									+ caseNumber),
					new CostLine(CostKind.SHIPPING, estimate.shippingCost(), "Return shipment, " + caseNumber));
			case REPLACE -> List.of(
					new CostLine(CostKind.REPLACEMENT_UNIT, estimate.replacementUnitCost(),
							"Replacement unit " + (replacementSerial == null ? "" : replacementSerial + ", ")
									+ caseNumber),
					new CostLine(CostKind.SHIPPING, estimate.shippingCost(), "Replacement shipment, " + caseNumber));
			case REFUND -> List
				.of(new CostLine(CostKind.REFUND, estimate.refundAmount(), "Refund of the purchase, " + caseNumber));
			case DENY, ESCALATE -> List.of();
		};
		return post(caseNumber, lines, chargedToCustomer);
	}

	@Transactional(readOnly = true)
	public List<LedgerEntry> entries(String caseNumber) {
		return entries.findByCaseNumberOrderByKind(caseNumber);
	}

}
