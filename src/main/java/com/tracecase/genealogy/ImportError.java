package com.tracecase.genealogy;

/**
 * One problem in an import.
 *
 * @param file e.g. {@code lots.csv}
 * @param line 1 is the header row
 * @param column the column at fault, may be {@literal null}
 * @param message what is wrong
 */
public record ImportError(String file, long line, String column, String message) {
}
