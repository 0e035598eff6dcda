package com.tracecase.metrics;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the managers' figures.
 *
 * @param cacheFor how long a figure computed in SQL is served before it is computed
 * again: a scrape of every node costs at most one query per figure in this time
 * @param defaultPeriod the period of the figures (of the API and the managers' view) when
 * a request names no {@code from}
 */
@ConfigurationProperties("tracecase.metrics")
public record MetricsProperties(@DefaultValue("15s") Duration cacheFor, @DefaultValue("P84D") Duration defaultPeriod) {
}
