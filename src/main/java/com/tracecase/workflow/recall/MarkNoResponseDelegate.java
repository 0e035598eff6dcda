package com.tracecase.workflow.recall;

import com.tracecase.quality.Recalls;
import com.tracecase.workflow.TaskActors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

import static com.tracecase.workflow.RecallCampaignProcess.VAR_NO_RESPONSE;

/**
 * Task_MarkNoResponse (recall campaign): when the response period is over, the notified
 * units whose customer has not answered count as no response.
 */
@Component("markRecallNoResponse")
class MarkNoResponseDelegate implements JavaDelegate {

	private final Recalls recalls;

	MarkNoResponseDelegate(Recalls recalls) {
		this.recalls = recalls;
	}

	@Override
	public void execute(DelegateExecution execution) {
		execution.setVariable(VAR_NO_RESPONSE,
				recalls.responsePeriodOver(execution.getProcessBusinessKey(), TaskActors.SYSTEM));
	}

}
