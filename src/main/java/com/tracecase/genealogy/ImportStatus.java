package com.tracecase.genealogy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An import and how far it got.
 *
 * @param id the import's id
 * @param status {@code RUNNING}, {@code SUCCEEDED} or {@code FAILED}
 * @param phase what it is doing or did last
 * @param startedBy who
 * @param startedAt when
 * @param finishedAt {@literal null} while running
 * @param bytesTotal size of all files
 * @param bytesRead bytes read so far
 * @param rows rows imported per file once succeeded
 * @param errors the first 100 errors once failed
 * @param progress share of the input read, 0 to 1 (1 once succeeded)
 */
public record ImportStatus(String id, String status, String phase, String startedBy, Instant startedAt,
		Instant finishedAt, long bytesTotal, long bytesRead, Map<String, Long> rows, List<ImportError> errors,
		double progress) {

	public static final String RUNNING = "RUNNING";

	public static final String SUCCEEDED = "SUCCEEDED";

	public static final String FAILED = "FAILED";

}
