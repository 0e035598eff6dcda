package com.tracecase.workflow.resolution;

import com.tracecase.casework.UnitReceived;
import com.tracecase.shared.StateConflictException;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import static com.tracecase.workflow.FailureCaseProcess.MSG_UNIT_RECEIVED;

/**
 * Delivers Msg_UnitReceived to the case waiting for its unit. Messages are not buffered:
 * a case that does not wait for a unit answers a conflict, so the caller knows the
 * booking did not land.
 */
@Component
class CorrelateUnitReceived {

	private final RuntimeService runtimeService;

	CorrelateUnitReceived(RuntimeService runtimeService) {
		this.runtimeService = runtimeService;
	}

	@EventListener
	void on(UnitReceived event) {
		try {
			runtimeService.createMessageCorrelation(MSG_UNIT_RECEIVED)
				.processInstanceBusinessKey(event.caseNumber())
				.setVariable("receivedBy", event.receivedBy())
				.correlateWithResult();
		}
		catch (MismatchingMessageCorrelationException ex) {
			throw new StateConflictException("Case " + event.caseNumber() + " is not waiting for its unit.");
		}
	}

}
