package com.tracecase.system;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Tomcat's own error report, for requests it refuses before Spring sees them (an encoded
 * slash or NUL in the path, a malformed request line): problem details under
 * {@code /api/} and {@code /engine-rest/}, Tomcat's page without details elsewhere.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	public ProblemErrorReportValve() {
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		String path = request.getCoyoteRequest().requestURI().toString();
		if (path == null || !(path.startsWith("/api/") || path.startsWith("/engine-rest/"))) {
			super.report(request, response, throwable);
			return;
		}
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		HttpStatus known = HttpStatus.resolve(status);
		String title = known != null ? known.getReasonPhrase() : "Error";
		String detail = status == 400
				? "The request is malformed, e.g. its path has characters that are not allowed "
						+ "(an encoded slash, a percent sign or a control character)."
				: status >= 500 ? "The request failed because of an error on our side." : "The request was refused.";
		try {
			response.setContentType("application/problem+json");
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
						+ ",\"detail\":\"" + detail + "\"}");
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the client is gone or the response is committed: nothing left to tell
		}
	}

	/** Puts the valve in place of the error report valve Spring Boot configures. */
	@Component
	static class Installer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

		@Override
		public void customize(TomcatServletWebServerFactory factory) {
			factory.addContextCustomizers(context -> {
				if (context.getParent() instanceof StandardHost host) {
					for (Valve valve : host.getPipeline().getValves()) {
						if (valve instanceof ErrorReportValve) {
							host.getPipeline().removeValve(valve);
						}
					}
					host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
					host.getPipeline().addValve(new ProblemErrorReportValve());
				}
			});
		}

		@Override
		public int getOrder() {
			// after Spring Boot's customizer, which adds its own error report valve
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

}
