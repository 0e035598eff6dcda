package com.tracecase.workflow.recall;

import com.tracecase.quality.RecallCampaign;
import com.tracecase.quality.Recalls;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

import static com.tracecase.workflow.RecallCampaignProcess.VAR_REFERENCE;

/**
 * Task_StartRecallCampaign (containment): the managers approved a field action, so a
 * recall campaign of the suspect lot starts (or the lot's open one follows it).
 */
@Component("startRecallCampaign")
class StartRecallCampaignDelegate implements JavaDelegate {

	private final Recalls recalls;

	StartRecallCampaignDelegate(Recalls recalls) {
		this.recalls = recalls;
	}

	@Override
	public void execute(DelegateExecution execution) {
		RecallCampaign campaign = recalls.startForFieldAction(execution.getProcessBusinessKey());
		execution.setVariable(VAR_REFERENCE, campaign.getReference());
	}

}
