package com.tracecase;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One scrape of {@code /actuator/prometheus} in the text format, read into samples.
 */
public final class PrometheusScrape {

	private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+).*$");

	private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	private final List<Sample> samples = new ArrayList<>();

	public PrometheusScrape(String text) {
		for (String line : text.split("\n")) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			Matcher sample = SAMPLE.matcher(line.strip());
			if (sample.matches()) {
				Map<String, String> labels = new LinkedHashMap<>();
				if (sample.group(3) != null) {
					Matcher label = LABEL.matcher(sample.group(3));
					while (label.find()) {
						labels.put(label.group(1), label.group(2));
					}
				}
				samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(4))));
			}
		}
	}

	/** The names of every sample, e.g. {@code tracecase_cases_closed_total}. */
	public Set<String> names() {
		Set<String> names = new TreeSet<>();
		samples.forEach(sample -> names.add(sample.name()));
		return names;
	}

	/**
	 * The sum of the samples of the name that carry all the labels (name, value pairs),
	 * or {@literal null} if there is none.
	 */
	public Double value(String name, String... labels) {
		Double sum = null;
		for (Sample sample : samples) {
			if (sample.name().equals(name) && sample.has(labels)) {
				sum = (sum == null ? 0 : sum) + sample.value();
			}
		}
		return sum;
	}

	/**
	 * How much the value grew since the earlier scrape (a missing sample counts as 0).
	 */
	public double delta(PrometheusScrape earlier, String name, String... labels) {
		Double now = value(name, labels);
		if (now == null) {
			throw new AssertionError("No sample " + name + " " + String.join(",", labels));
		}
		Double then = earlier.value(name, labels);
		return now - (then == null ? 0 : then);
	}

	private record Sample(String name, Map<String, String> labels, double value) {

		boolean has(String... pairs) {
			for (int i = 0; i < pairs.length; i += 2) {
				if (!pairs[i + 1].equals(labels.get(pairs[i]))) {
					return false;
				}
			}
			return true;
		}

	}

}
