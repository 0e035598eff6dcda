package com.tracecase.system;

import java.util.Arrays;
import java.util.stream.Collectors;

import com.tracecase.shared.InvalidInputException;
import com.tracecase.shared.Labels;
import com.tracecase.shared.NotFoundException;
import com.tracecase.shared.StateConflictException;
import com.tracecase.shared.WorkspacePage;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors of the workspace pages as pages a person can act on: what is missing or wrong,
 * and a way back. Runs before the API's problem details advice.
 */
@ControllerAdvice(annotations = WorkspacePage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class WorkspaceErrorAdvice {

	@ExceptionHandler
	ModelAndView notFound(NotFoundException ex, HttpServletResponse response) {
		return page(HttpStatus.NOT_FOUND, "Page not found", ex.getMessage(), response);
	}

	@ExceptionHandler
	ModelAndView invalid(InvalidInputException ex, HttpServletResponse response) {
		return page(HttpStatus.BAD_REQUEST, "That did not work", ex.getMessage(), response);
	}

	/**
	 * A form or link value of the wrong type (a choice not on the list, a page that is no
	 * number): the page says which and what it takes, not a JSON problem.
	 */
	@ExceptionHandler
	ModelAndView wrongType(MethodArgumentTypeMismatchException ex, HttpServletResponse response) {
		Class<?> type = ex.getRequiredType();
		String value = String.valueOf(ex.getValue());
		String expected = type != null && type.isEnum()
				? "choose one of " + Arrays.stream(type.getEnumConstants())
					.map(constant -> Labels.label((Enum<?>) constant))
					.collect(Collectors.joining(", "))
				: type == int.class || type == long.class || type == Integer.class || type == Long.class
						? "enter a whole number" : "enter a valid value";
		return page(HttpStatus.BAD_REQUEST, "That did not work",
				"'" + (value.length() > 100 ? value.substring(0, 100) + "…" : value) + "' is not a valid "
						+ ex.getName() + ": " + expected + ".",
				response);
	}

	@ExceptionHandler
	ModelAndView conflict(StateConflictException ex, HttpServletResponse response) {
		return page(HttpStatus.CONFLICT, "That cannot be done now", ex.getMessage(), response);
	}

	@ExceptionHandler
	ModelAndView forbidden(AccessDeniedException ex, HttpServletResponse response) {
		return page(HttpStatus.FORBIDDEN, "You cannot do this", "Your groups do not allow this.", response);
	}

	private static ModelAndView page(HttpStatus status, String title, String message, HttpServletResponse response) {
		ModelAndView page = new ModelAndView("error");
		page.setStatus(status);
		page.addObject("status", status.value());
		page.addObject("heading", title);
		page.addObject("message", message);
		return page;
	}

}
