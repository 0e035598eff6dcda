package com.tracecase.workflow.casefile;

import com.tracecase.genealogy.Genealogy;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import org.springframework.stereotype.Component;

import static com.tracecase.workflow.FailureCaseProcess.VAR_SERIAL_NUMBER;
import static com.tracecase.workflow.ProcessVariables.flag;
import static com.tracecase.workflow.ProcessVariables.text;

/**
 * Completion of Task_IdentifyDevice: a corrected serial must be a device we built, else
 * the report is closed as invalid.
 */
@Component("checkIdentification")
class CheckIdentificationListener implements TaskListener {

	static final String VAR_CLOSE_AS_INVALID = "closeAsInvalid";

	private final Genealogy genealogy;

	CheckIdentificationListener(Genealogy genealogy) {
		this.genealogy = genealogy;
	}

	@Override
	public void notify(DelegateTask task) {
		boolean invalid = flag(task, VAR_CLOSE_AS_INVALID);
		if (!invalid) {
			genealogy.checkDevice(VAR_SERIAL_NUMBER, text(task, VAR_SERIAL_NUMBER));
		}
		task.setVariable(VAR_CLOSE_AS_INVALID, invalid);
	}

}
