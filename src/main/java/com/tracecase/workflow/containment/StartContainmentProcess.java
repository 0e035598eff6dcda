package com.tracecase.workflow.containment;

import com.tracecase.quality.ContainmentRequested;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import static com.tracecase.workflow.FailureCaseProcess.CONTAINMENT_PROCESS_KEY;
import static com.tracecase.workflow.FailureCaseProcess.VAR_CONTAINMENT_REASON;
import static com.tracecase.workflow.FailureCaseProcess.VAR_CONTAINMENT_REQUESTED_BY;
import static com.tracecase.workflow.FailureCaseProcess.VAR_SUSPECT_LOT_CODE;
import static com.tracecase.workflow.FailureCaseProcess.VAR_SUSPECT_PART_NUMBER;

/**
 * Starts the containment process of a lot contained on its own, in the transaction that
 * records the request: the containment and its process commit together. Its first step
 * runs asynchronously, so the person asking gets the answer at once.
 */
@Component
class StartContainmentProcess {

	private final RuntimeService runtimeService;

	StartContainmentProcess(RuntimeService runtimeService) {
		this.runtimeService = runtimeService;
	}

	@EventListener
	void on(ContainmentRequested event) {
		runtimeService.startProcessInstanceByKey(CONTAINMENT_PROCESS_KEY, event.reference(),
				Variables.createVariables()
					.putValue(VAR_SUSPECT_LOT_CODE, event.lotCode())
					.putValue(VAR_SUSPECT_PART_NUMBER, event.partNumber())
					.putValue(VAR_CONTAINMENT_REASON, event.reason())
					.putValue(VAR_CONTAINMENT_REQUESTED_BY, event.requestedBy()));
	}

}
