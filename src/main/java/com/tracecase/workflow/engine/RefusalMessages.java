package com.tracecase.workflow.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Tasklist shows the message of a refused form as it comes from the engine's REST API,
 * which puts "Cannot submit task form {task id}: " before the module's sentence. This
 * filter leaves only the sentence in the 400 answers of form submissions and task
 * completions, in Tasklist's API and in the engine REST API.
 */
@Configuration(proxyBeanMethods = false)
class RefusalMessages {

	private static final Pattern PREFIX = Pattern
		.compile("\"message\":\"Cannot (?:submit task form|complete task|submit form) [^:\"]{1,80}: ");

	/** The JSON reader's own words for a body it cannot read, with Java class names. */
	private static final Pattern UNREADABLE = Pattern.compile(
			"java\\.|org\\.camunda|Cannot construct instance|Cannot deserialize|Unexpected end-of-input|Unexpected character");

	/** What a client that sent an unreadable body is told instead. */
	static final String UNREADABLE_ANSWER = "{\"type\":\"InvalidRequestException\",\"message\":"
			+ "\"The request body cannot be read: send JSON such as {\\\"variables\\\": {\\\"name\\\": "
			+ "{\\\"value\\\": \\\"...\\\", \\\"type\\\": \\\"String\\\"}}}.\"}";

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> refusalMessageFilter() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new RefusalMessageFilter());
		registration.addUrlPatterns("/engine-rest/task/*", "/engine-rest/process-definition/*",
				"/camunda/api/engine/engine/*");
		return registration;
	}

	static String withoutPrefix(String body) {
		if (UNREADABLE.matcher(body).find()) {
			return UNREADABLE_ANSWER;
		}
		Matcher matcher = PREFIX.matcher(body);
		return matcher.find() ? matcher.replaceFirst("\"message\":\"") : body;
	}

	static final class RefusalMessageFilter extends OncePerRequestFilter {

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			String uri = request.getRequestURI();
			return !"POST".equals(request.getMethod()) || !(uri.endsWith("/submit-form") || uri.endsWith("/complete"));
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
			chain.doFilter(request, wrapper);
			if (wrapper.getStatus() == HttpServletResponse.SC_BAD_REQUEST) {
				String body = new String(wrapper.getContentAsByteArray(), StandardCharsets.UTF_8);
				String cleaned = withoutPrefix(body);
				if (!cleaned.equals(body)) {
					wrapper.resetBuffer();
					wrapper.setContentType("application/json");
					byte[] bytes = cleaned.getBytes(StandardCharsets.UTF_8);
					wrapper.getOutputStream().write(bytes);
				}
			}
			wrapper.copyBodyToResponse();
		}

	}

}
