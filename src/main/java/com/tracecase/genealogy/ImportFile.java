package com.tracecase.genealogy;

/**
 * The files of the genealogy interchange format, in the order they are imported.
 */
public enum ImportFile {

	PARTS("parts"), BUILDS("builds"), LOTS("lots"), CONSUMPTIONS("consumptions"), SHIPMENTS("shipments");

	private final String field;

	ImportFile(String field) {
		this.field = field;
	}

	/**
	 * @return the multipart field and base name, e.g. {@code lots}
	 */
	public String field() {
		return field;
	}

	/**
	 * @return the file name, e.g. {@code lots.csv}
	 */
	public String fileName() {
		return field + ".csv";
	}

}
