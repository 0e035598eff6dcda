package com.tracecase.metrics.web;

import java.util.List;

/**
 * The data of one chart of the dashboard, as {@code assets/dashboard-charts.js} draws it:
 * a value per category and series, each with the words its tooltip shows. The table next
 * to the chart lists the same figures.
 *
 * @param kind how it is drawn: {@code funnel}, {@code bars}, {@code stacked-bars},
 * {@code horizontal-bars}, {@code lines} or {@code pareto} (bars of the first series, the
 * second as a line of percentages)
 * @param unit what the values are in, for the value axis, e.g. {@code cases} or
 * {@code days}
 * @param categories a short label per category, e.g. {@code 24 Apr}
 * @param titles the full label per category, for the tooltip, e.g.
 * {@code Week of 24 April 2034}
 * @param series the series, never empty
 */
record Chart(String kind, String unit, List<String> categories, List<String> titles, List<Series> series) {

	/**
	 * @param name what the series shows, for the legend
	 * @param values a value per category, {@literal null} where there is none
	 * @param texts the value per category in words, e.g. {@code 2 h 15 min}
	 */
	record Series(String name, List<Double> values, List<String> texts) {
	}

}
