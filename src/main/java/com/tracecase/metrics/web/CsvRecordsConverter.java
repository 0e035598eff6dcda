package com.tracecase.metrics.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractGenericHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.HttpMessageNotWritableException;

/**
 * Writes a list of records as CSV ({@code text/csv}, UTF-8): one header row of the
 * record's component names, one row per record. For spreadsheets and BI tools; an empty
 * list is the header row alone, so that a period without figures still reads as a table.
 */
class CsvRecordsConverter extends AbstractGenericHttpMessageConverter<Collection<?>> {

	static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	CsvRecordsConverter() {
		super(TEXT_CSV);
	}

	@Override
	protected boolean supports(Class<?> clazz) {
		return Collection.class.isAssignableFrom(clazz);
	}

	/**
	 * Only when CSV is asked for by name: a request that accepts anything gets JSON, and
	 * controllers that declare no CSV never offer it.
	 */
	@Override
	public boolean canWrite(Type type, Class<?> clazz, MediaType mediaType) {
		return asked(mediaType) && supports(clazz);
	}

	@Override
	public boolean canWrite(Class<?> clazz, MediaType mediaType) {
		return asked(mediaType) && supports(clazz);
	}

	private static boolean asked(MediaType mediaType) {
		return mediaType != null && !mediaType.isWildcardType() && !mediaType.isWildcardSubtype()
				&& TEXT_CSV.isCompatibleWith(mediaType);
	}

	@Override
	public boolean canRead(Type type, Class<?> contextClass, MediaType mediaType) {
		return false;
	}

	@Override
	protected void writeInternal(Collection<?> rows, Type type, HttpOutputMessage output)
			throws IOException, HttpMessageNotWritableException {
		Writer writer = new OutputStreamWriter(output.getBody(), StandardCharsets.UTF_8);
		CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180);
		RecordComponent[] columns = null;
		Class<?> declared = elementType(type);
		if (declared != null) {
			columns = header(declared, csv);
		}
		for (Object row : rows) {
			if (!row.getClass().isRecord()) {
				throw new HttpMessageNotWritableException("Only records are written as CSV");
			}
			if (columns == null) {
				columns = header(row.getClass(), csv);
			}
			List<Object> values = new ArrayList<>();
			for (RecordComponent column : columns) {
				try {
					values.add(column.getAccessor().invoke(row));
				}
				catch (ReflectiveOperationException ex) {
					throw new HttpMessageNotWritableException("Cannot read " + column.getName(), ex);
				}
			}
			csv.printRecord(values);
		}
		csv.flush();
	}

	/**
	 * @return the record type the declared collection holds, {@literal null} if unknown
	 */
	private static Class<?> elementType(Type type) {
		if (type instanceof ParameterizedType collection && collection.getActualTypeArguments().length == 1
				&& collection.getActualTypeArguments()[0] instanceof Class<?> element && element.isRecord()) {
			return element;
		}
		return null;
	}

	private static RecordComponent[] header(Class<?> recordType, CSVPrinter csv) throws IOException {
		RecordComponent[] columns = recordType.getRecordComponents();
		List<String> header = new ArrayList<>();
		for (RecordComponent column : columns) {
			header.add(column.getName());
		}
		csv.printRecord(header);
		return columns;
	}

	@Override
	protected Collection<?> readInternal(Class<? extends Collection<?>> clazz, HttpInputMessage input) {
		throw new HttpMessageNotReadableException("CSV is written only", input);
	}

	@Override
	public Collection<?> read(Type type, Class<?> contextClass, HttpInputMessage input) {
		throw new HttpMessageNotReadableException("CSV is written only", input);
	}

}
