package com.tracecase.genealogy.internal;

import java.text.Normalizer;

/**
 * Names of uploaded files made safe to store and to send back in a
 * {@code Content-Disposition} header: no directories, no control or shell characters, no
 * leading dots, at most 200 characters.
 */
public final class FileNames {

	private static final int MAX_LENGTH = 200;

	private FileNames() {
	}

	/**
	 * @param original the name the client sent, may be {@literal null}
	 * @return a safe name, never {@literal null} or empty
	 */
	public static String safe(String original) {
		if (original == null) {
			return "file";
		}
		String name = original.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1);
		name = Normalizer.normalize(name, Normalizer.Form.NFC);
		name = name.replaceAll("[^\\p{L}\\p{N}._ -]", "_").replaceAll("_+", "_").strip();
		name = name.replaceAll("^[.\\s]+", "");
		if (name.length() > MAX_LENGTH) {
			int dot = name.lastIndexOf('.');
			String extension = (dot > 0 && name.length() - dot <= 10) ? name.substring(dot) : "";
			name = name.substring(0, MAX_LENGTH - extension.length()) + extension;
		}
		return name.isEmpty() ? "file" : name;
	}

}
