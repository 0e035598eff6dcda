package com.tracecase.system;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses requests that would change something and come from another site's page. A
 * browser sends the HTTP Basic credentials it has cached with any request to this origin,
 * so a page elsewhere could otherwise post to the API in the user's name. The browser
 * says where a request comes from ({@code Sec-Fetch-Site}, {@code Origin}); a script or
 * another system sends neither and keeps working with HTTP Basic alone.
 * <p>
 * Refused: {@code Sec-Fetch-Site} {@code cross-site} or {@code same-site} (a sibling
 * sub-domain is another site too), or an {@code Origin} that is not this application's
 * own (including {@code null}, sent by sandboxed frames and some redirects). Reads are
 * never refused.
 */
class CrossSiteRequests extends OncePerRequestFilter {

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private static final Set<String> FOREIGN_SITES = Set.of("cross-site", "same-site");

	private final ObjectMapper objectMapper;

	private final String baseOrigin;

	/**
	 * @param objectMapper writes the problem detail
	 * @param baseUrl the public URL of the application ({@code tracecase.base-url}),
	 * whose origin is accepted besides the one the request was sent to
	 */
	CrossSiteRequests(ObjectMapper objectMapper, String baseUrl) {
		this.objectMapper = objectMapper;
		this.baseOrigin = origin(baseUrl);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT)) && fromAnotherSite(request)) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
					"A request from another site may not change anything here. Scripts call the API without a "
							+ "browser; pages of Tracecase work from Tracecase's own address.");
			problem.setTitle("Cross-site request refused");
			response.setStatus(HttpStatus.FORBIDDEN.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			objectMapper.writeValue(response.getOutputStream(), problem);
			return;
		}
		chain.doFilter(request, response);
	}

	private boolean fromAnotherSite(HttpServletRequest request) {
		String site = request.getHeader("Sec-Fetch-Site");
		if (site != null && FOREIGN_SITES.contains(site.strip().toLowerCase(Locale.ROOT))) {
			return true;
		}
		String origin = request.getHeader("Origin");
		if (origin == null) {
			return false;
		}
		String normalized = origin(origin);
		return normalized == null || !(normalized.equals(ownOrigin(request)) || normalized.equals(baseOrigin));
	}

	private static String ownOrigin(HttpServletRequest request) {
		return origin(request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort());
	}

	/** {@code scheme://host:port} in lower case with the port spelled out. */
	private static String origin(String url) {
		if (url == null || url.isBlank()) {
			return null;
		}
		try {
			URI uri = URI.create(url.strip());
			if (uri.getScheme() == null || uri.getHost() == null) {
				return null;
			}
			String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
			int port = (uri.getPort() != -1) ? uri.getPort() : ("https".equals(scheme) ? 443 : 80);
			return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
