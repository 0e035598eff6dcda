package com.tracecase.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors that never reach a controller (an unknown path, a wrong method, a path the
 * firewall refuses, an unexpected failure) go to {@code /error}. For the Tracecase API
 * they are answered as RFC 7807 problem details, whatever the client accepts; for pages
 * Spring Boot's error page stays. No message, exception or stack trace is shown.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ErrorResponses extends BasicErrorController {

	private static final List<String> API_PATHS = List.of("/api/", "/engine-rest/");

	private final ObjectMapper objectMapper;

	ErrorResponses(ErrorAttributes errorAttributes, ServerProperties server,
			ObjectProvider<ErrorViewResolver> errorViewResolvers, ObjectMapper objectMapper) {
		super(errorAttributes, server.getError(), errorViewResolvers.orderedStream().toList());
		this.objectMapper = objectMapper;
	}

	@Override
	public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
		if (getStatus(request) == HttpStatus.SERVICE_UNAVAILABLE) {
			response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER_SECONDS);
		}
		if (isApi(request)) {
			// an API path: problem details even for a browser; null means the response is
			// written
			response.setStatus(getStatus(request).value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			try {
				objectMapper.writeValue(response.getOutputStream(), problem(request));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return null;
		}
		return super.errorHtml(request, response);
	}

	@Override
	public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
		HttpStatus status = getStatus(request);
		if (status == HttpStatus.NO_CONTENT) {
			return new ResponseEntity<>(status);
		}
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (status == HttpStatus.SERVICE_UNAVAILABLE) {
			answer.header(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER_SECONDS);
		}
		return answer.body(problem(request));
	}

	/**
	 * A failure that never reached a controller's advice (in the sign-in, or thrown by
	 * the process engine) because the database is away is a 503, not a 500.
	 */
	@Override
	protected HttpStatus getStatus(HttpServletRequest request) {
		HttpStatus status = super.getStatus(request);
		if (status == HttpStatus.INTERNAL_SERVER_ERROR
				&& DatabaseOutage.causedBy((Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION))) {
			return HttpStatus.SERVICE_UNAVAILABLE;
		}
		return status;
	}

	private Map<String, Object> problem(HttpServletRequest request) {
		HttpStatus status = getStatus(request);
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", detail(status));
		Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (path != null) {
			problem.put("instance", path.toString());
		}
		return problem;
	}

	private static String detail(HttpStatus status) {
		return switch (status) {
			case BAD_REQUEST -> "The request is malformed, e.g. its path has characters that are not allowed "
					+ "(an encoded slash, a semicolon, a percent sign or a control character).";
			case NOT_FOUND -> "There is nothing at this path.";
			case METHOD_NOT_ALLOWED -> "This path does not support the request's method.";
			case NOT_ACCEPTABLE -> "This path cannot answer in a media type the request accepts.";
			case UNSUPPORTED_MEDIA_TYPE -> "This path does not take the request's content type.";
			case PAYLOAD_TOO_LARGE -> "The request is larger than allowed.";
			case UNAUTHORIZED -> "Authentication is required: sign in with HTTP Basic.";
			case FORBIDDEN -> "Your groups do not allow this request.";
			case SERVICE_UNAVAILABLE -> DatabaseOutage.DETAIL;
			default -> status.is5xxServerError() ? "The request failed because of an error on our side."
					: "The request cannot be carried out.";
		};
	}

	private static boolean isApi(HttpServletRequest request) {
		Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		return path != null && API_PATHS.stream().anyMatch(path.toString()::startsWith);
	}

}
