package com.tracecase.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures of one scenario (counts, times), written to
 * {@code target/faults/figures/<scenario>.properties} for docs/reliability.md.
 */
final class Figures {

	private final String scenario;

	private final Map<String, Object> values = new LinkedHashMap<>();

	Figures(String scenario) {
		this.scenario = scenario;
		put("finished", Instant.now());
		put("cores", Runtime.getRuntime().availableProcessors());
		put("java", System.getProperty("java.version"));
	}

	Figures put(String name, Object value) {
		values.put(name, value);
		return this;
	}

	static String seconds(java.time.Duration duration) {
		return "%.1f s".formatted(duration.toMillis() / 1000.0);
	}

	void write() throws IOException {
		values.put("finished", Instant.now());
		Path directory = Path.of(System.getProperty("tracecase.faults.directory", "target/faults"), "figures");
		Files.createDirectories(directory);
		StringBuilder text = new StringBuilder("# " + scenario + "\n");
		values.forEach((name, value) -> text.append(name).append(" = ").append(value).append('\n'));
		Files.writeString(directory.resolve(scenario + ".properties"), text, StandardCharsets.UTF_8);
		System.out.print(text);
	}

}
