package com.tracecase.workflow.casefile;

import com.tracecase.casework.CaseManagement;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import org.springframework.stereotype.Component;

import static com.tracecase.workflow.FailureCaseProcess.VAR_RESOLUTION_SUMMARY;
import static com.tracecase.workflow.ProcessVariables.text;

/** Completion of Task_ConfirmResolution: the customer's summary is required. */
@Component("confirmResolution")
class ConfirmResolutionListener implements TaskListener {

	private final CaseManagement cases;

	ConfirmResolutionListener(CaseManagement cases) {
		this.cases = cases;
	}

	@Override
	public void notify(DelegateTask task) {
		cases.checkResolutionSummary(text(task, VAR_RESOLUTION_SUMMARY));
	}

}
