package com.tracecase.finance;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Warranty cost settings.
 *
 * @param currency ISO currency of every amount
 * @param laborRatePerHour what an hour of repair labor costs
 * @param repairHours the labor estimate of one repair
 * @param shippingCost one shipment to or from a customer
 * @param approvalThreshold costs above it need finance's approval
 */
@ConfigurationProperties("tracecase.finance")
public record FinanceProperties(@DefaultValue("EUR") String currency,
		@DefaultValue("45.00") BigDecimal laborRatePerHour, @DefaultValue("1.5") BigDecimal repairHours,
		@DefaultValue("12.50") BigDecimal shippingCost, @DefaultValue("150.00") BigDecimal approvalThreshold) {
}
