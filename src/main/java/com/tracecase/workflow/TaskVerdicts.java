package com.tracecase.workflow;

import com.tracecase.shared.InvalidInputException;
import org.camunda.bpm.engine.delegate.VariableScope;

import static com.tracecase.workflow.FailureCaseProcess.VERDICT_APPROVED;
import static com.tracecase.workflow.FailureCaseProcess.VERDICT_REJECTED;

/**
 * Explicit choices on forms: a radio group whose value is {@code APPROVED} or
 * {@code REJECTED}. An untouched choice is no answer, never a "no".
 */
public final class TaskVerdicts {

	private TaskVerdicts() {
	}

	/**
	 * @return {@literal true} for approved, {@literal false} for rejected,
	 * {@literal null} when nothing was chosen
	 * @throws InvalidInputException when the value is neither
	 */
	public static Boolean approved(VariableScope scope, String name) {
		String value = ProcessVariables.text(scope, name);
		if (value == null) {
			return null;
		}
		return switch (value) {
			case VERDICT_APPROVED -> true;
			case VERDICT_REJECTED -> false;
			default -> throw new InvalidInputException(name, "Choose approve or reject.");
		};
	}

}
