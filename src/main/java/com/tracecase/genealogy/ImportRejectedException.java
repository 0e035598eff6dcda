package com.tracecase.genealogy;

import java.util.List;

import com.tracecase.shared.InvalidInputException;

/**
 * An import with errors: nothing of it was written.
 */
public class ImportRejectedException extends InvalidInputException {

	private final String importId;

	private final List<ImportError> errors;

	public ImportRejectedException(String importId, List<ImportError> errors) {
		super("The import has " + errors.size() + (errors.size() >= 100 ? " or more" : "")
				+ " error(s); nothing was imported.",
				errors.stream()
					.map(e -> new Violation(e.file() + ":" + e.line() + (e.column() != null ? ":" + e.column() : ""),
							e.message()))
					.toList());
		this.importId = importId;
		this.errors = List.copyOf(errors);
	}

	public String importId() {
		return importId;
	}

	public List<ImportError> errors() {
		return errors;
	}

}
