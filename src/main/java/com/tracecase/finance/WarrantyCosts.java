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

	public String currency() {
		return properties.currency();
	}

	private static BigDecimal money(BigDecimal amount) {
		return amount.setScale(2, RoundingMode.HALF_UP);
	}

}
