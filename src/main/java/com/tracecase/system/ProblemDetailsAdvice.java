package com.tracecase.system;

import java.util.List;

import com.tracecase.shared.Addresses;
import com.tracecase.shared.InvalidInputException;
import com.tracecase.shared.NotFoundException;
import com.tracecase.shared.StateConflictException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the Tracecase API as RFC 7807 problem details with a message a person
 * can act on.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	@ExceptionHandler
	ProblemDetail notFound(NotFoundException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle("Not found");
		return problem;
	}

	@ExceptionHandler
	ProblemDetail conflict(StateConflictException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setTitle("Conflict");
		return problem;
	}

	/**
	 * Unreadable JSON, or a value of the wrong type (an unknown enum constant, a
	 * malformed date).
	 */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String detail = "The request body is not valid JSON for this request.";
		List<InvalidInputException.Violation> violations = List.of();
		if (ex.getCause() instanceof MismatchedInputException mismatch) {
			String field = mismatch.getPath()
				.stream()
				.map(reference -> reference.getFieldName() != null ? reference.getFieldName()
						: "[" + reference.getIndex() + "]")
				.collect(Collectors.joining("."));
			String message = mismatch instanceof InvalidFormatException invalid
					? "'" + invalid.getValue() + "' is not a valid value" + allowedValues(invalid.getTargetType())
					: mismatch instanceof UnrecognizedPropertyException ? "is not a field of this request"
							: "has the wrong type";
			violations = List.of(new InvalidInputException.Violation(field, message));
			detail = "Field '" + field + "' " + message + ".";
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, detail);
		problem.setTitle("Invalid input");
		problem.setProperty("errors", violations);
		return ResponseEntity.unprocessableEntity().body(problem);
	}

	/**
	 * A query parameter or path segment of the wrong type (a page that is no number, a
	 * date that is none or has a time and zone, a number beyond the type's range): 400
	 * naming the parameter.
	 */
	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String field = ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
				: ex.getPropertyName();
		String expected = expected(ex.getRequiredType());
		String value = String.valueOf(ex.getValue());
		String message = "'" + (value.length() > 100 ? value.substring(0, 100) + "…" : value) + "' is not " + expected
				+ ".";
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"Parameter '" + field + "': " + message);
		problem.setTitle("Bad request");
		problem.setProperty("errors", List.of(new InvalidInputException.Violation(field, message)));
		return ResponseEntity.badRequest().body(problem);
	}

	private static String expected(Class<?> type) {
		if (type == LocalDate.class) {
			return "a date such as 2026-03-31 (no time or zone)";
		}
		if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
			return "a whole number within range";
		}
		if (type == boolean.class || type == Boolean.class) {
			return "true or false";
		}
		if (type != null && type.isEnum()) {
			return "one of "
					+ Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
		}
		return "a valid value";
	}

	private static String allowedValues(Class<?> type) {
		if (type == null || !type.isEnum()) {
			return "";
		}
		return " (one of "
				+ Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", ")) + ")";
	}

	/**
	 * The last line behind the input checks: a value the database refused. The answer
	 * names no table, column or statement; the log keeps the database's reason.
	 */
	@ExceptionHandler
	ProblemDetail dataIntegrity(DataIntegrityViolationException ex) {
		log.warn("The database refused a request: {}", Addresses.maskedIn(ex.getMostSpecificCause().getMessage()));
		ProblemDetail problem;
		if (ex instanceof DuplicateKeyException) {
			problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
					"Something you sent exists already (it may have been created at the same moment); "
							+ "the request was not carried out.");
			problem.setTitle("Conflict");
		}
		else {
			problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
					"A value of the request cannot be stored (too long, out of range or with a control character); "
							+ "the request was not carried out.");
			problem.setTitle("Invalid input");
		}
		problem.setProperty("errors", List.of());
		return problem;
	}

	/**
	 * Any other failure of the database: unavailable for a moment (503, try again) or an
	 * error of ours (500). Never the statement or the driver's message.
	 */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> dataAccess(DataAccessException ex) {
		// also a rollback that finds the connection gone (JpaSystemException) is the
		// outage
		if (ex instanceof TransientDataAccessException || DatabaseOutage.causedBy(ex)) {
			log.warn("The database is not available: {}", Addresses.maskedIn(ex.getMostSpecificCause().getMessage()));
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
					DatabaseOutage.DETAIL);
			problem.setTitle("Service unavailable");
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER_SECONDS)
				.body(problem);
		}
		log.error("A request failed in the database", ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"The request failed because of an error on our side; it was not carried out.");
		problem.setTitle("Internal error");
		return ResponseEntity.internalServerError().body(problem);
	}

	/**
	 * A multipart request the server cannot parse: a file name with a NUL byte (which
	 * Tomcat refuses) or a malformed body. Too large uploads are answered as 413 by the
	 * base class.
	 */
	@ExceptionHandler
	ResponseEntity<Object> multipart(MultipartException ex, WebRequest request) throws Exception {
		if (ex instanceof MaxUploadSizeExceededException tooLarge) {
			return handleMaxUploadSizeExceededException(tooLarge, new HttpHeaders(), HttpStatus.PAYLOAD_TOO_LARGE,
					request);
		}
		boolean fileName = false;
		for (Throwable cause = ex; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
			fileName |= cause.getClass().getSimpleName().equals("InvalidFileNameException");
		}
		ProblemDetail problem;
		if (fileName) {
			String message = "A file name contains a control character (such as a NUL byte).";
			problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, message);
			problem.setTitle("Invalid input");
			problem.setProperty("errors", List.of(new InvalidInputException.Violation("fileName", message)));
		}
		else {
			problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The multipart request cannot be read.");
			problem.setTitle("Bad request");
			problem.setProperty("errors", List.of());
		}
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}

	@ExceptionHandler
	ProblemDetail invalidInput(InvalidInputException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, ex.getMessage());
		problem.setTitle("Invalid input");
		problem.setProperty("errors", ex.violations());
		return problem;
	}

	/**
	 * Bean validation failures are unprocessable content too, with one entry per field.
	 */
	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<InvalidInputException.Violation> violations = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(error -> new InvalidInputException.Violation(error.getField(), error.getDefaultMessage()))
			.toList();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
				"The request has " + violations.size() + " invalid field(s).");
		problem.setTitle("Invalid input");
		problem.setProperty("errors", violations);
		return ResponseEntity.unprocessableEntity().body(problem);
	}

}
