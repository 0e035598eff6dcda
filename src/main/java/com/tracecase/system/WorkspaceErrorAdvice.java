package com.tracecase.system;

import com.tracecase.shared.InvalidInputException;
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
