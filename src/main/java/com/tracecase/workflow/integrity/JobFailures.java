package com.tracecase.workflow.integrity;

import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;

/**
 * The exception of the job whose failure is being recorded on this thread. The engine
 * hands an incident handler only the exception's message; the exception itself tells
 * which module refused what.
 */
final class JobFailures {

	private static final ThreadLocal<Throwable> CURRENT = new ThreadLocal<>();

	private JobFailures() {
	}

	/**
	 * @return the failure being recorded, {@literal null} outside the recording of a job
	 * failure (e.g. when retries are set to zero by hand)
	 */
	static Throwable current() {
		return CURRENT.get();
	}

	/**
	 * Makes the failure known while the engine's command that records it runs.
	 */
	static final class Remembering implements FailedJobCommandFactory {

		private final FailedJobCommandFactory delegate;

		Remembering(FailedJobCommandFactory delegate) {
			this.delegate = delegate;
		}

		@Override
		public Command<Object> getCommand(String jobId, Throwable exception) {
			Command<Object> command = delegate.getCommand(jobId, exception);
			return commandContext -> {
				Throwable outer = CURRENT.get();
				CURRENT.set(exception);
				try {
					return command.execute(commandContext);
				}
				finally {
					if (outer == null) {
						CURRENT.remove();
					}
					else {
						CURRENT.set(outer);
					}
				}
			};
		}

	}

}
