package com.tracecase.system;

import java.util.List;

import com.tracecase.shared.InvalidInputException;
import com.tracecase.shared.NotFoundException;
import com.tracecase.shared.StateConflictException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.http.converter.HttpMessageNotReadableException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the Tracecase API as RFC 7807 problem details with a message a person
 * can act on.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

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
					: "has the wrong type";
			violations = List.of(new InvalidInputException.Violation(field, message));
			detail = "Field '" + field + "' " + message + ".";
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, detail);
		problem.setTitle("Invalid input");
		problem.setProperty("errors", violations);
		return ResponseEntity.unprocessableEntity().body(problem);
	}

	private static String allowedValues(Class<?> type) {
		if (type == null || !type.isEnum()) {
			return "";
		}
		return " (one of "
				+ Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", ")) + ")";
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
