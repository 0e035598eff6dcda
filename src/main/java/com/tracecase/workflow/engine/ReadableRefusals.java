package com.tracecase.workflow.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import com.tracecase.shared.Addresses;
import com.tracecase.shared.InvalidInputException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

import org.springframework.stereotype.Component;

/**
 * Input a module refuses while a task is completed (or a start form submitted) reaches
 * the person as the module's sentence. The engine wraps every exception of a task
 * listener in its own ("ENGINE-03051 … TaskListener …"), which Tasklist shows as a server
 * error; this interceptor sits outside the transaction, so the refused completion has
 * already been rolled back, and rethrows the refusal as a form validation failure, which
 * the REST API answers with 400 and the sentence.
 */
@Component
class ReadableRefusals extends AbstractProcessEnginePlugin {

	private static final Logger log = LoggerFactory.getLogger(ReadableRefusals.class);

	/** The engine logger that reports every failed command with its stack trace. */
	private static final String ENGINE_CONTEXT_LOGGER = "org.camunda.bpm.engine.context";

	ReadableRefusals() {
		if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
				&& context.getTurboFilterList().stream().noneMatch(QuietRefusals.class::isInstance)) {
			context.addTurboFilter(new QuietRefusals());
		}
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setCustomPreCommandInterceptorsTxRequired(
				withRefusals(configuration.getCustomPreCommandInterceptorsTxRequired()));
		configuration.setCustomPreCommandInterceptorsTxRequiresNew(
				withRefusals(configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
	}

	private static List<CommandInterceptor> withRefusals(List<CommandInterceptor> interceptors) {
		List<CommandInterceptor> all = new ArrayList<>();
		all.add(new RefusalInterceptor());
		if (interceptors != null) {
			all.addAll(interceptors);
		}
		return all;
	}

	/**
	 * The refusal in an exception's causes, if a module refused the input.
	 * @return the refusal or {@literal null}
	 */
	static InvalidInputException refusal(Throwable exception) {
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidInputException invalid) {
				return invalid;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return null;
	}

	static final class RefusalInterceptor extends CommandInterceptor {

		@Override
		public <T> T execute(Command<T> command) {
			try {
				return next.execute(command);
			}
			catch (FormFieldValidationException ex) {
				throw ex;
			}
			catch (RuntimeException ex) {
				InvalidInputException refusal = refusal(ex);
				if (refusal == null) {
					throw ex;
				}
				log.info("Refused: {}", Addresses.maskedIn(refusal.getMessage()));
				String fields = refusal.violations()
					.stream()
					.map(InvalidInputException.Violation::field)
					.filter(field -> field != null)
					.distinct()
					.collect(Collectors.joining(","));
				throw new FormFieldValidationException(fields.isEmpty() ? null : fields, refusal.getMessage(), refusal);
			}
		}

	}

	/**
	 * A refused input, or a task or instance that is not there (answered 404), is an
	 * ordinary answer to a person, not an error of the engine: its stack trace stays out
	 * of the log (a refusal itself is logged in one line).
	 */
	static final class QuietRefusals extends TurboFilter {

		@Override
		public FilterReply decide(Marker marker, ch.qos.logback.classic.Logger logger, Level level, String format,
				Object[] params, Throwable thrown) {
			if (level != Level.ERROR || !ENGINE_CONTEXT_LOGGER.equals(logger.getName())) {
				return FilterReply.NEUTRAL;
			}
			if (ordinary(thrown)) {
				return FilterReply.DENY;
			}
			if (params != null) {
				for (Object param : params) {
					if (param instanceof Throwable exception && ordinary(exception)) {
						return FilterReply.DENY;
					}
				}
			}
			return FilterReply.NEUTRAL;
		}

		private static boolean ordinary(Throwable exception) {
			return exception instanceof NotFoundException || EngineRestErrors.missingTask(exception)
					|| refusal(exception) != null;
		}

	}

}
