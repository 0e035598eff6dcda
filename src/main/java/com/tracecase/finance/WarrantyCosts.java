package com.tracecase.finance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;

import org.springframework.stereotype.Service;

/**
 * Estimates warranty costs and decides which need finance's approval.
 */
@Service
public class WarrantyCosts {

	private final FinanceProperties properties;

	WarrantyCosts(FinanceProperties properties) {
		this.properties = properties;
	}

	/**
	 * @param suspectPartUnitCosts unit costs of the parts a repair swaps
	 * @param productUnitCost unit cost of the product
	 * @return the estimate, never {@literal null}
	 */
	public CostEstimate estimate(Collection<BigDecimal> suspectPartUnitCosts, BigDecimal productUnitCost) {
		BigDecimal labor = money(properties.laborRatePerHour().multiply(properties.repairHours()));
		BigDecimal parts = money(suspectPartUnitCosts.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
		BigDecimal unit = money(productUnitCost == null ? BigDecimal.ZERO : productUnitCost);
		return new CostEstimate(labor, parts, unit, money(properties.shippingCost()), unit);
	}

	/**
	 * Finance approves what costs more than the threshold, what the customer pays for,
	 * and every refund.
	 */
	public boolean needsApproval(BigDecimal cost, boolean customerCharged, boolean refund) {
		return customerCharged || refund || cost.compareTo(properties.approvalThreshold()) > 0;
	}

	/**
	 * The cost of a decided remedy and the approval rule: finance approves a charge to
	 * the customer, every refund, and any cost above the threshold. An escalated case is
	 * decided by a manager first, so it needs no approval yet; a denied claim costs
	 * nothing.
	 * @param remedy the decision, must not be {@literal null}
	 * @param estimate the case's estimate, must not be {@literal null}
	 * @param customerCharged whether the customer pays the remedy
	 * @return the cost, never {@literal null}
	 */
	public RemedyCost costOf(Remedy remedy, CostEstimate estimate, boolean customerCharged) {
		BigDecimal cost = switch (remedy) {
			case REPAIR -> estimate.repairCost();
			case REPLACE -> estimate.replacementCost();
			case REFUND -> estimate.refundAmount();
			case DENY, ESCALATE -> BigDecimal.ZERO;
		};
		boolean approval = remedy != Remedy.ESCALATE && remedy != Remedy.DENY
				&& needsApproval(cost, customerCharged, remedy == Remedy.REFUND);
		return new RemedyCost(money(cost), properties.currency(), approval);
	}

	public String currency() {
		return properties.currency();
	}

	private static BigDecimal money(BigDecimal amount) {
		return amount.setScale(2, RoundingMode.HALF_UP);
	}

}
