package com.tracecase.genealogy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.tracecase.genealogy.internal.CsvImport;
import com.tracecase.genealogy.internal.ImportRuns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports of the genealogy interchange format ({@code parts.csv}, {@code builds.csv},
 * {@code lots.csv}, {@code consumptions.csv}): all of an import lands or none of it.
 */
@Service
public class GenealogyImports implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(GenealogyImports.class);

	private final CsvImport csv;

	private final ImportRuns runs;

	private final TransactionTemplate transaction;

	private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "genealogy-import");
		thread.setDaemon(true);
		return thread;
	});

	GenealogyImports(CsvImport csv, ImportRuns runs, PlatformTransactionManager transactions) {
		this.csv = csv;
		this.runs = runs;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Imports the files and returns when done.
	 * @param files any of the four files, must not be {@literal null}
	 * @param actor who imports
	 * @return the succeeded import, never {@literal null}
	 * @throws ImportRejectedException when the files have errors; nothing was written
	 */
	public ImportStatus importFiles(Map<ImportFile, Resource> files, String actor) {
		UUID id = runs.start(actor, totalSize(files));
		run(id, files);
		return runs.find(id).orElseThrow();
	}

	/**
	 * Imports the files in the background; {@link #findImport(String)} tells how far it
	 * got. The files are deleted when it ends.
	 * @return the running import, never {@literal null}
	 */
	public ImportStatus startImport(Map<ImportFile, Path> files, String actor) {
		Map<ImportFile, Resource> resources = new EnumMap<>(ImportFile.class);
		files.forEach((file, path) -> resources.put(file, new FileSystemResource(path)));
		UUID id = runs.start(actor, totalSize(resources));
		background.execute(() -> {
			try {
				run(id, resources);
			}
			catch (ImportRejectedException ex) {
				log.info("Import {} rejected with {} error(s)", id, ex.errors().size());
			}
			catch (RuntimeException ex) {
				log.warn("Import {} failed", id, ex);
			}
			finally {
				files.values().forEach(GenealogyImports::deleteQuietly);
			}
		});
		return runs.find(id).orElseThrow();
	}

	/**
	 * Imports those of {@code parts.csv}, {@code builds.csv}, {@code lots.csv} and
	 * {@code consumptions.csv} that the directory holds, e.g. an MES export.
	 * @throws ImportRejectedException when the files have errors
	 * @throws IllegalArgumentException when the directory holds none of them
	 */
	public ImportStatus importDirectory(Path directory, String actor) {
		Map<ImportFile, Resource> files = new EnumMap<>(ImportFile.class);
		for (ImportFile file : ImportFile.values()) {
			Path path = directory.resolve(file.fileName());
			if (Files.isRegularFile(path)) {
				files.put(file, new FileSystemResource(path));
			}
		}
		if (files.isEmpty()) {
			throw new IllegalArgumentException(
					"No genealogy files (parts.csv, builds.csv, lots.csv, consumptions.csv) in "
							+ directory.toAbsolutePath());
		}
		return importFiles(files, actor);
	}

	/**
	 * @param id an import id
	 * @return the import, empty when unknown
	 */
	public Optional<ImportStatus> findImport(String id) {
		try {
			return runs.find(UUID.fromString(id));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private void run(UUID id, Map<ImportFile, Resource> files) {
		CsvImport.Progress progress = runs.progress(id);
		try {
			CsvImport.Result result = transaction.execute(status -> {
				try {
					CsvImport.Result r = csv.run(files, progress);
					if (!r.errors().isEmpty()) {
						status.setRollbackOnly();
					}
					return r;
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
				catch (java.sql.SQLException ex) {
					throw new IllegalStateException("The import failed in the database: " + ex.getMessage(), ex);
				}
			});
			if (!result.errors().isEmpty()) {
				runs.failed(id, "Rejected", result.errors());
				throw new ImportRejectedException(id.toString(), result.errors());
			}
			runs.succeeded(id, result.rows());
		}
		catch (ImportRejectedException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			runs.failed(id, "Failed: " + ex.getMessage(), List.of());
			throw ex;
		}
	}

	private static long totalSize(Map<ImportFile, Resource> files) {
		long total = 0;
		for (Resource resource : files.values()) {
			try {
				total += resource.contentLength();
			}
			catch (IOException ex) {
				// unknown size: progress stays at zero until the end
			}
		}
		return total;
	}

	private static void deleteQuietly(Path path) {
		try {
			Files.deleteIfExists(path);
		}
		catch (IOException ex) {
			log.warn("Cannot delete {}", path, ex);
		}
	}

	@Override
	public void destroy() {
		background.shutdownNow();
	}

}
