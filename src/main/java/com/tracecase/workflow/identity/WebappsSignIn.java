package com.tracecase.workflow.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One sign-in for Tracecase's pages and the Camunda webapps: a user signed in to the
 * pages opens Tasklist, Cockpit and Admin signed in as the same user (the webapps keep
 * their authentication in the same HTTP session), with the groups and apps the engine
 * grants. Signing out of a webapp signs out of the pages too. The webapps' own sign-in
 * page stays for those who start there.
 */
@Configuration(proxyBeanMethods = false)
class WebappsSignIn {

	/** Right after Spring Security's filters (-100), before the webapps' own. */
	private static final int ORDER = -99;

	@Bean
	FilterRegistrationBean<SharedSignIn> webappsSharedSignIn(ProcessEngine engine) {
		FilterRegistrationBean<SharedSignIn> registration = new FilterRegistrationBean<>(new SharedSignIn(engine));
		registration.setName("webapps-shared-sign-in");
		registration.addUrlPatterns("/camunda/*");
		registration.setOrder(ORDER);
		return registration;
	}

	static final class SharedSignIn extends OncePerRequestFilter {

		private final ProcessEngine engine;

		SharedSignIn(ProcessEngine engine) {
			this.engine = engine;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
			boolean pagesUser = signedIn != null && signedIn.isAuthenticated()
					&& !(signedIn instanceof AnonymousAuthenticationToken);
			if (pagesUser) {
				HttpSession session = request.getSession();
				Authentications webapps = AuthenticationUtil.getAuthsFromSession(session);
				if (!webapps.hasAuthenticationForProcessEngine(engine.getName())) {
					webapps.addOrReplace(AuthenticationUtil.createAuthentication(engine, signedIn.getName()));
					AuthenticationUtil.updateSession(session, webapps);
				}
			}
			chain.doFilter(request, response);
			if (pagesUser && isSignOut(request)) {
				// the webapps signed out: the pages' sign-in in the same session goes too
				HttpSession session = request.getSession(false);
				if (session != null) {
					try {
						session.invalidate();
					}
					catch (IllegalStateException alreadyInvalidated) {
						// the webapps ended the session themselves
					}
				}
				SecurityContextHolder.clearContext();
			}
		}

		private static boolean isSignOut(HttpServletRequest request) {
			return "POST".equals(request.getMethod()) && request.getRequestURI().endsWith("/logout")
					&& request.getRequestURI().contains("/api/admin/auth/user/");
		}

	}

}
