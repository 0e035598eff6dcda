package com.tracecase.workflow.engine;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;

import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine REST API answers a task that does not exist with 404. Its task resource
 * wraps every engine exception of {@code complete}, {@code submit-form} and
 * {@code resolve}, including "Cannot find task with id …", in a 500; this mapper takes
 * precedence over the engine's own one for such exceptions and leaves every other answer
 * (status, body format) to it.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestErrors {

	@Bean
	ResourceConfigCustomizer missingTasksAreNotFound() {
		return config -> config.register(MissingTaskMapper.class);
	}

	@Priority(1)
	static class MissingTaskMapper implements ExceptionMapper<RestException> {

		private final RestExceptionHandler engineHandler = new RestExceptionHandler();

		@Override
		public Response toResponse(RestException exception) {
			if (exception.getStatus() == Response.Status.INTERNAL_SERVER_ERROR && missingTask(exception)) {
				return engineHandler.toResponse(new RestException(Response.Status.NOT_FOUND, exception.getMessage()));
			}
			return engineHandler.toResponse(exception);
		}

		private static boolean missingTask(Throwable exception) {
			return EngineRestErrors.missingTask(exception.getCause());
		}

	}

	/** Whether the exception, or one of its causes, says that a task is not there. */
	static boolean missingTask(Throwable exception) {
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			if (cause instanceof NullValueException && cause.getMessage() != null
					&& cause.getMessage().startsWith("Cannot find task with id")) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

}
