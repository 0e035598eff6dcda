package com.tracecase.genealogy.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.tracecase.genealogy.GenealogyImports;
import com.tracecase.genealogy.ImportError;
import com.tracecase.genealogy.ImportRejectedException;
import com.tracecase.genealogy.ImportStatus;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar tracecase.jar import DIR}: imports the interchange files in a
 * directory (an MES export), prints the outcome and exits with 0 on success, 1 when the
 * files are rejected, 2 on a usage error.
 */
@Component
@Order(0)
class ImportCommand implements ApplicationRunner {

	private static final String COMMAND = "import";

	private final GenealogyImports imports;

	private final ConfigurableApplicationContext context;

	ImportCommand(GenealogyImports imports, ConfigurableApplicationContext context) {
		this.imports = imports;
		this.context = context;
	}

	static boolean requested(ApplicationArguments args) {
		List<String> words = args.getNonOptionArgs();
		return !words.isEmpty() && words.get(0).equals(COMMAND);
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!requested(args)) {
			return;
		}
		List<String> words = args.getNonOptionArgs();
		int code;
		if (words.size() != 2 || !Files.isDirectory(Path.of(words.get(1)))) {
			System.err.println("Usage: java -jar tracecase.jar import DIRECTORY");
			System.err.println("  DIRECTORY holds any of parts.csv, builds.csv, lots.csv, consumptions.csv");
			code = 2;
		}
		else {
			code = importDirectory(Path.of(words.get(1)));
		}
		int exitCode = code;
		System.exit(SpringApplication.exit(context, () -> exitCode));
	}

	private int importDirectory(Path directory) {
		long started = System.nanoTime();
		try {
			ImportStatus status = imports.importDirectory(directory, "import-command");
			System.out.printf("Imported %s in %d ms (import %s)%n", status.rows(),
					(System.nanoTime() - started) / 1_000_000, status.id());
			return 0;
		}
		catch (ImportRejectedException ex) {
			System.err.println(ex.getMessage());
			for (ImportError error : ex.errors()) {
				System.err.printf("%s:%d%s: %s%n", error.file(), error.line(),
						error.column() != null ? " [" + error.column() + "]" : "", error.message());
			}
			return 1;
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			return 2;
		}
	}

}
