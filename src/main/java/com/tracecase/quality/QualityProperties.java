package com.tracecase.quality;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Quality settings.
 *
 * @param warrantyPeriod how long after purchase a device is under warranty
 */
@ConfigurationProperties("tracecase.quality")
public record QualityProperties(@DefaultValue("P24M") Period warrantyPeriod) {
}
