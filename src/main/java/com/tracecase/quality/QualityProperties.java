package com.tracecase.quality;

import java.time.Duration;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Quality settings.
 *
 * @param warrantyPeriod how long after purchase a device is under warranty
 * @param recallResponsePeriod how long a recall campaign waits for a notified customer
 * before the unit counts as no response
 * @param supplierAnswerDue how long a supplier has for its 8D answer, from the request
 * (or from the rejection of its last answer)
 * @param supplierReminderEvery how often a supplier is reminded while its answer is due
 */
@ConfigurationProperties("tracecase.quality")
public record QualityProperties(@DefaultValue("P24M") Period warrantyPeriod,
		@DefaultValue("P30D") Duration recallResponsePeriod, @DefaultValue("P14D") Period supplierAnswerDue,
		@DefaultValue("P7D") Period supplierReminderEvery) {
}
