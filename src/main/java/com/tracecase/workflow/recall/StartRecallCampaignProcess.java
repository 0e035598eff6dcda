package com.tracecase.workflow.recall;

import com.tracecase.quality.QualityProperties;
import com.tracecase.quality.RecallCampaignStarted;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import static com.tracecase.workflow.RecallCampaignProcess.PROCESS_KEY;
import static com.tracecase.workflow.RecallCampaignProcess.VAR_LOT_CODE;
import static com.tracecase.workflow.RecallCampaignProcess.VAR_REFERENCE;
import static com.tracecase.workflow.RecallCampaignProcess.VAR_RESPONSE_PERIOD;

/**
 * Starts the process of a recall campaign in the transaction that records the campaign:
 * both commit together. Its first step runs asynchronously, so the person starting it
 * gets the answer at once.
 */
@Component
class StartRecallCampaignProcess {

	private final RuntimeService runtimeService;

	private final QualityProperties properties;

	StartRecallCampaignProcess(RuntimeService runtimeService, QualityProperties properties) {
		this.runtimeService = runtimeService;
		this.properties = properties;
	}

	@EventListener
	void on(RecallCampaignStarted event) {
		runtimeService.startProcessInstanceByKey(PROCESS_KEY, event.reference(),
				Variables.createVariables()
					.putValue(VAR_REFERENCE, event.reference())
					.putValue(VAR_LOT_CODE, event.lotCode())
					.putValue(VAR_RESPONSE_PERIOD, properties.recallResponsePeriod().toString()));
	}

}
