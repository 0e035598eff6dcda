package com.tracecase.workflow.progress;

import java.util.regex.Pattern;

/**
 * A step's name for people: the model's name without the expressions that make a task's
 * name name its case ({@code Review investigation ${caseNumber} (${serialNumber})} reads
 * "Review investigation").
 */
public final class StepNames {

	private static final String EXPRESSION = "\\$\\{[^}]*}";

	/** A parenthesis of nothing but expressions, e.g. {@code (${caseNumber})}. */
	private static final Pattern ONLY_EXPRESSIONS = Pattern.compile("\\s*\\((?:\\s|,|" + EXPRESSION + ")*\\)");

	/**
	 * What an expression names, e.g. {@code for ${caseNumber}}, {@code for lot ${lot}}.
	 */
	private static final Pattern NAMED = Pattern.compile("\\s+(?:for|of)(?:\\s+lot)?\\s+" + EXPRESSION);

	private StepNames() {
	}

	/**
	 * @param name the name in the model, may be {@literal null}
	 * @param id the step's id, the name when the model has none
	 * @return the name for people, never {@literal null}
	 */
	public static String plain(String name, String id) {
		if (name == null || name.isBlank()) {
			return id;
		}
		String plain = ONLY_EXPRESSIONS.matcher(name).replaceAll("");
		plain = NAMED.matcher(plain).replaceAll("");
		plain = plain.replaceAll("\\s*" + EXPRESSION, "").replaceAll("\\s+", " ").strip();
		return plain.isEmpty() ? id : plain;
	}

}
