package com.tracecase.finance;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
	 * Posts a case's costs. A case that has the remedy's entries already is left as it
	 * is, so posting twice books once; the unique key (case, kind) backs this up against
	 * two nodes posting at once. Per-item write-offs of the case do not count.
	 * @return the case's entries, never {@literal null}
	 */
	@Transactional
	public List<LedgerEntry> post(String caseNumber, List<CostLine> lines, boolean chargedToCustomer) {
		if (!entries.existsByCaseNumberAndItemLotCodeIsNull(caseNumber)) {
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

	/**
	 * Writes off the value of a removed part or returned unit to the case, once per case
	 * and item, apart from the remedy's costs and from stock and procurement: posting the
	 * same item again books nothing. An item without a known value is not posted.
	 * @param caseNumber must not be {@literal null}
	 * @param itemLotCode the lot holding the item, must not be {@literal null}
	 * @param value its part's unit cost in the ledger currency, may be {@literal null}
	 * @param description for the accountant
	 * @return the case's ledger entries, never {@literal null}
	 */
	@Transactional
	public List<LedgerEntry> writeOff(String caseNumber, String itemLotCode, BigDecimal value, String description) {
		if (value != null && value.signum() > 0 && !entries.existsByCaseNumberAndKindAndItemLotCode(caseNumber,
				CostKind.MATERIAL_WRITE_OFF, itemLotCode)) {
			entries
				.save(new LedgerEntry(caseNumber, CostKind.MATERIAL_WRITE_OFF, value.setScale(2, RoundingMode.HALF_UP),
						costs.currency(), description, clock.instant(), itemLotCode));
		}
		return entries.findByCaseNumberOrderByKind(caseNumber);
	}

	@Transactional(readOnly = true)
	public List<LedgerEntry> entries(String caseNumber) {
		return entries.findByCaseNumberOrderByKind(caseNumber);
	}

}
