package com.tracecase.workflow.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.tracecase.shared.InvalidInputException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

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

}
