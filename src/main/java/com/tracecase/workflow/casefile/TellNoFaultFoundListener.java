package com.tracecase.workflow.casefile;

import com.tracecase.casework.CaseManagement;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import org.springframework.stereotype.Component;

import static com.tracecase.workflow.FailureCaseProcess.VAR_CUSTOMER_MESSAGE;
import static com.tracecase.workflow.ProcessVariables.text;

/** Completion of Task_TellNoFaultFound: the message to the customer is required. */
@Component("tellNoFaultFound")
class TellNoFaultFoundListener implements TaskListener {

	private final CaseManagement cases;

	TellNoFaultFoundListener(CaseManagement cases) {
		this.cases = cases;
	}

	@Override
	public void notify(DelegateTask task) {
		cases.checkNoFaultFoundMessage(text(task, VAR_CUSTOMER_MESSAGE));
	}

}
