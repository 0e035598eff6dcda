package com.tracecase.system;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tracecase.shared.Groups;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what. Users and groups live in the process engine's identity service (see
 * the {@code workflow} module's authentication provider), so Tasklist, the engine REST
 * API and the Tracecase API share one identity.
 * <p>
 * Path matchers are explicit path patterns: the engine REST API and the webapps run in
 * Jersey servlets beside the dispatcher servlet, so Spring MVC matchers would be
 * ambiguous.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	private static final String REALM = "Tracecase";

	/**
	 * The content security policy of Tracecase's own pages: scripts only from the
	 * application (htmx, ECharts, {@code /assets}), no plug-ins, forms only to the
	 * application, framed only by the application. Inline styles stay allowed: mails
	 * shown at {@code /mail} carry their own, and charts style their tooltips.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
			+ "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

	private final String baseUrl;

	SecurityConfiguration(@Value("${tracecase.base-url:}") String baseUrl) {
		this.baseUrl = baseUrl;
	}

	/**
	 * Reading the managers' figures: HTTP Basic for scripts, and the workspace's sign-in,
	 * so that a manager's browser downloads the dashboard's CSV links. Only reads: the
	 * session is never created or changed here, so no request of another site can use it
	 * to change anything.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain figuresSecurity(HttpSecurity http, ObjectMapper objectMapper) throws Exception {
		ProblemResponses problems = new ProblemResponses(objectMapper);
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		return http
			.securityMatcher(new OrRequestMatcher(paths.matcher(HttpMethod.GET, "/api/metrics/**"),
					paths.matcher(HttpMethod.HEAD, "/api/metrics/**")))
			.authorizeHttpRequests(requests -> requests.anyRequest()
				.hasAnyAuthority(Groups.authority(Groups.MANAGERS), Groups.authority(Groups.ADMINS)))
			.securityContext(context -> context.securityContextRepository(new SignedInSession()))
			.httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(problems))
			.exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
			.requestCache(cache -> cache.disable())
			.csrf(csrf -> csrf.disable())
			.headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
			.build();
	}

	/**
	 * The Tracecase API, the engine REST API and the Prometheus scrape: stateless HTTP
	 * Basic, problem details on failure. Spring's CSRF tokens do not fit a stateless API
	 * called by scripts; instead a request that would change something and comes from
	 * another site's page is refused ({@link CrossSiteRequests}), so a browser's cached
	 * credentials cannot be used by another site.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, ObjectMapper objectMapper) throws Exception {
		ProblemResponses problems = new ProblemResponses(objectMapper);
		return http.securityMatcher(anyOf("/api/**", "/engine-rest/**", "/actuator/prometheus"))
			.authorizeHttpRequests(requests -> requests
				// the managers' figures: managers, administrators and a scraper in either
				// group
				.requestMatchers(anyOf("/api/metrics/**", "/actuator/prometheus"))
				.hasAnyAuthority(Groups.authority(Groups.MANAGERS), Groups.authority(Groups.ADMINS))
				.anyRequest()
				.authenticated())
			.httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(problems))
			.exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.addFilterBefore(new CrossSiteRequests(objectMapper, baseUrl), BasicAuthenticationFilter.class)
			.headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
			.build();
	}

	/**
	 * Everything else: the workspace pages sign in with a form and keep a session; after
	 * signing in a person lands on the page they asked for (a lot label's QR code opens
	 * its lot page). The Camunda webapps under {@code /camunda} authenticate against the
	 * same identity themselves and bring their own CSRF protection, so Spring Security
	 * lets them through untouched. HTTP Basic stays for scripts (metrics, the mailbox).
	 */
	@Bean
	@Order(2)
	SecurityFilterChain webSecurity(HttpSecurity http) throws Exception {
		return http
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(anyOf("/camunda/**", "/error", "/favicon.ico", "/actuator/health/**", "/webjars/**",
						"/assets/**", "/login"))
				.permitAll()
				.anyRequest()
				.authenticated())
			.formLogin(form -> form.loginPage("/login").permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/login?signedOut"))
			.httpBasic(basic -> basic.realmName(REALM))
			.csrf(csrf -> csrf.ignoringRequestMatchers(anyOf("/camunda/**")))
			// the webapps set their own content security policy
			.headers(
					headers -> headers.frameOptions(frame -> frame.sameOrigin())
						.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
						.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
								new NegatedRequestMatcher(anyOf("/camunda/**")),
								new StaticHeadersWriter("Content-Security-Policy", CONTENT_SECURITY_POLICY))))
			.build();
	}

	private static RequestMatcher anyOf(String... patterns) {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		RequestMatcher[] matchers = new RequestMatcher[patterns.length];
		for (int i = 0; i < patterns.length; i++) {
			matchers[i] = paths.matcher(patterns[i]);
		}
		return new OrRequestMatcher(matchers);
	}

	/**
	 * The sign-in of the workspace session, read only: a request authenticated otherwise
	 * (HTTP Basic) is never written into a session.
	 */
	private static final class SignedInSession implements SecurityContextRepository {

		private final HttpSessionSecurityContextRepository session = new HttpSessionSecurityContextRepository();

		SignedInSession() {
			session.setAllowSessionCreation(false);
		}

		@Override
		public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
			return session.loadDeferredContext(request);
		}

		@Override
		@Deprecated
		public SecurityContext loadContext(HttpRequestResponseHolder holder) {
			return session.loadDeferredContext(holder.getRequest()).get();
		}

		@Override
		public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
			// read only
		}

		@Override
		public boolean containsContext(HttpServletRequest request) {
			return session.containsContext(request);
		}

	}

	/**
	 * 401 and 403 as RFC 7807 problem details, with the Basic challenge a client needs to
	 * retry.
	 */
	private record ProblemResponses(
			ObjectMapper objectMapper) implements AuthenticationEntryPoint, AccessDeniedHandler {

		@Override
		public void commence(HttpServletRequest request, HttpServletResponse response,
				AuthenticationException authException) throws IOException {
			response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
			write(response, HttpStatus.UNAUTHORIZED, "Authentication is required: sign in with HTTP Basic.");
		}

		@Override
		public void handle(HttpServletRequest request, HttpServletResponse response,
				org.springframework.security.access.AccessDeniedException accessDeniedException) throws IOException {
			write(response, HttpStatus.FORBIDDEN, "Your groups do not allow this request.");
		}

		private void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
			response.setStatus(status.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			objectMapper.writeValue(response.getOutputStream(), problem);
		}

	}

}
