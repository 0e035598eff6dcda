package com.tracecase.workflow.integrity;

import java.util.List;

import com.tracecase.shared.InvalidInputException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemMessagesTests {

	@Test
	void aTracecaseExceptionAnywhereInTheChainSpeaksForTheFailure() {
		Throwable failure = new ProcessEngineException(
				"ENGINE-03051 There was an exception while invoking the delegate", new IllegalStateException("wrapped",
						new InvalidInputException("installedLotCode", "Lot 'L-404' does not exist.")));

		assertThat(ProblemMessages.readable(failure, failure.getMessage())).isEqualTo("Lot 'L-404' does not exist.");
	}

	@Test
	void everyBrokenRuleIsNamed() {
		Throwable failure = new InvalidInputException("The review is incomplete.",
				List.of(new InvalidInputException.Violation("failureMode", "The failure mode is required."),
						new InvalidInputException.Violation("rootCause", "The root cause is required.")));

		assertThat(ProblemMessages.readable(failure, null))
			.isEqualTo("The review is incomplete. The failure mode is required. The root cause is required.");
	}

	@Test
	void otherwiseTheRootCauseWithoutEngineCodesOrStackTrace() {
		Throwable failure = new ProcessEngineException("ENGINE-16004 Exception while closing command context",
				new IllegalArgumentException(
						"ENGINE-09005 Could not parse the date\n\tat com.example.Foo.bar(Foo.java:1)"));

		assertThat(ProblemMessages.readable(failure, failure.getMessage())).isEqualTo("Could not parse the date");
	}

	@Test
	void withoutAnyMessageTheKindOfErrorIsNamed() {
		assertThat(ProblemMessages.readable(new NullPointerException(), null))
			.isEqualTo("The step failed with an unexpected error (NullPointerException).");
		assertThat(ProblemMessages.readable(null, "ENGINE-03000 Worker gave up: no connection"))
			.isEqualTo("Worker gave up: no connection");
		assertThat(ProblemMessages.readable(null, null)).isEqualTo("The step failed and has no retries left.");
	}

}
