package com.tracecase.genealogy.internal;

import java.util.List;
import java.util.Map;

import com.tracecase.genealogy.ImportError;
import com.tracecase.genealogy.ImportFile;

/**
 * The columns of each import file, and the checks of a file's header against them.
 */
final class ImportColumns {

	/**
	 * A column of a file: name, maximum length (0 for numbers, dates and enums), required
	 * in the header.
	 */
	record Column(String name, int maxLength, boolean requiredInHeader) {
	}

	private static final Map<ImportFile, List<Column>> COLUMNS = Map.of(ImportFile.PARTS,
			List.of(new Column("part_number", 100, true), new Column("description", 500, true),
					new Column("kind", 0, true), new Column("unit_cost", 0, false),
					new Column("manufacturer", 200, false), new Column("serialized", 0, false)),
			ImportFile.BUILDS,
			List.of(new Column("build_code", 100, true), new Column("part_number", 100, true),
					new Column("quantity", 0, true), new Column("started_on", 0, false),
					new Column("completed_on", 0, false)),
			ImportFile.LOTS,
			List.of(new Column("lot_code", 100, true), new Column("part_number", 100, true),
					new Column("supplier", 200, false), new Column("quantity", 0, false),
					new Column("created_on", 0, false), new Column("status", 0, false),
					new Column("serial_number", 100, false), new Column("build_code", 100, false),
					new Column("date_code", 100, false), new Column("location", 200, false)),
			ImportFile.CONSUMPTIONS,
			List.of(new Column("build_code", 100, true), new Column("consumed_lot_code", 100, true),
					new Column("quantity", 0, false), new Column("produced_lot_code", 100, false)),
			ImportFile.SHIPMENTS,
			List.of(new Column("serial_number", 100, true), new Column("customer_name", 200, true),
					new Column("customer_email", 254, false), new Column("shipped_on", 0, true),
					new Column("reference", 100, false)));

	private ImportColumns() {
	}

	/**
	 * @return the file's columns in their documented order, never {@literal null}
	 */
	static List<Column> of(ImportFile file) {
		return COLUMNS.get(file);
	}

	/**
	 * @return the names of the file's columns, never {@literal null}
	 */
	static List<String> names(ImportFile file) {
		return of(file).stream().map(Column::name).toList();
	}

	/**
	 * Adds an error (on line 1) for every unknown or repeated column of the header and
	 * every required column it lacks.
	 * @param header the header's column names, trimmed and in lower case
	 * @return whether the header is fine
	 */
	static boolean checkHeader(ImportFile file, List<String> header, List<ImportError> errors) {
		List<String> known = names(file);
		int before = errors.size();
		for (String name : header) {
			if (!known.contains(name)) {
				errors.add(new ImportError(file.fileName(), 1, name,
						"Unknown column '%s'; expected %s.".formatted(name, String.join(",", known))));
			}
			else if (header.indexOf(name) != header.lastIndexOf(name)) {
				errors.add(new ImportError(file.fileName(), 1, name, "Column '" + name + "' appears twice."));
			}
		}
		for (Column column : of(file)) {
			if (column.requiredInHeader() && !header.contains(column.name())) {
				errors.add(new ImportError(file.fileName(), 1, column.name(),
						"The header lacks the column '" + column.name() + "'."));
			}
		}
		return errors.size() == before;
	}

}
