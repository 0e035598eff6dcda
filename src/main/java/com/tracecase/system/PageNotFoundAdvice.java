package com.tracecase.system;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * An address that leads nowhere: a page for a person's browser, the usual problem details
 * for every other client.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageNotFoundAdvice {

	@ExceptionHandler
	Object notFound(NoResourceFoundException ex, HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		boolean browser = accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)
				&& !request.getRequestURI().startsWith("/api/") && !request.getRequestURI().startsWith("/engine-rest/");
		if (!browser) {
			return new ResponseEntity<>(ex.getBody(), ex.getHeaders(), ex.getStatusCode());
		}
		ModelAndView page = new ModelAndView("error");
		page.setStatus(HttpStatus.NOT_FOUND);
		page.addObject("status", 404);
		page.addObject("heading", "Page not found");
		page.addObject("message", "Check the address, or search for what you are looking for.");
		return page;
	}

}
