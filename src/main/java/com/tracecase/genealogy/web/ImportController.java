package com.tracecase.genealogy.web;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.util.EnumMap;
import java.util.Map;

import com.tracecase.genealogy.GenealogyImports;
import com.tracecase.genealogy.ImportFile;
import com.tracecase.genealogy.ImportRejectedException;
import com.tracecase.genealogy.ImportStatus;
import com.tracecase.genealogy.internal.GenealogyProperties;
import com.tracecase.shared.InvalidInputException;
import com.tracecase.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * Imports of the interchange format: small uploads are imported within the request, large
 * ones (or with {@code async=true}) in the background with a progress resource.
 */
@RestController
@RequestMapping("/api/genealogy/imports")
@Tag(name = "Genealogy imports", description = "CSV imports of the interchange format")
class ImportController {

	private final GenealogyImports imports;

	private final GenealogyProperties properties;

	ImportController(GenealogyImports imports, GenealogyProperties properties) {
		this.imports = imports;
		this.properties = properties;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize(GenealogyController.MAY_CHANGE)
	@Operation(summary = "Import parts, builds, lots and consumptions from CSV files", description = """
			QC, production and managers. Multipart fields `parts`, `builds`, `lots`, `consumptions` (and \
			`shipments`), any of them. Small uploads are imported within the request (201); large ones, or with \
			`async=true`, in the background (202, progress at `Location`). All or nothing: a rejected import \
			writes nothing and lists every error by file, line and column.""")
	@ApiResponse(responseCode = "201", description = "Imported")
	@ApiResponse(responseCode = "202", description = "Importing in the background; progress at `Location`")
	@ApiResponse(responseCode = "413", description = "The upload is larger than allowed")
	@ApiResponse(responseCode = "422",
			description = "Rejected, nothing written: `errors` lists each problem by file, line and column")
	ResponseEntity<ImportStatus> importFiles(MultipartHttpServletRequest request,
			@RequestParam(defaultValue = "false") boolean async, Principal principal) throws IOException {
		for (String field : request.getFileMap().keySet()) {
			if (java.util.Arrays.stream(ImportFile.values()).noneMatch(f -> f.field().equals(field))) {
				throw new InvalidInputException(field,
						"Unknown file field '" + field + "'; expected parts, builds, lots or consumptions.");
			}
		}
		Map<ImportFile, MultipartFile> uploads = new EnumMap<>(ImportFile.class);
		long total = 0;
		for (ImportFile file : ImportFile.values()) {
			MultipartFile upload = request.getFile(file.field());
			if (upload != null) {
				uploads.put(file, upload);
				total += upload.getSize();
			}
		}
		if (uploads.isEmpty()) {
			throw new InvalidInputException("files", "Upload at least one of parts, builds, lots or consumptions.");
		}
		if (async || total > properties.asyncImportThreshold().toBytes()) {
			Map<ImportFile, Path> files = new EnumMap<>(ImportFile.class);
			for (Map.Entry<ImportFile, MultipartFile> upload : uploads.entrySet()) {
				Path path = Files.createTempFile("tracecase-import-", "-" + upload.getKey().fileName());
				upload.getValue().transferTo(path);
				files.put(upload.getKey(), path);
			}
			ImportStatus started = imports.startImport(files, principal.getName());
			return ResponseEntity.accepted().location(location(started)).body(started);
		}
		Map<ImportFile, Resource> files = new EnumMap<>(ImportFile.class);
		uploads.forEach((file, upload) -> files.put(file, upload.getResource()));
		ImportStatus done = imports.importFiles(files, principal.getName());
		return ResponseEntity.created(location(done)).body(done);
	}

	@GetMapping("/{id}")
	ImportStatus status(@PathVariable String id) {
		return imports.findImport(id).orElseThrow(() -> new NotFoundException("Import", id));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> rejected(ImportRejectedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, ex.getMessage());
		problem.setTitle("Import rejected");
		problem.setProperty("importId", ex.importId());
		problem.setProperty("errors", ex.errors());
		return ResponseEntity.unprocessableEntity().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static URI location(ImportStatus status) {
		return URI.create("/api/genealogy/imports/" + status.id());
	}

}
