package com.tracecase.workflow.recall;

import com.tracecase.quality.Recalls;
import com.tracecase.workflow.TaskActors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import org.springframework.stereotype.Component;

import static com.tracecase.workflow.ProcessVariables.text;
import static com.tracecase.workflow.RecallCampaignProcess.VAR_SUMMARY;

/**
 * Completion of Task_CloseCampaign (recall campaign): closes the campaign with its
 * summary, as whoever completed the task.
 */
@Component("closeRecallCampaign")
class CloseRecallCampaignListener implements TaskListener {

	private final Recalls recalls;

	CloseRecallCampaignListener(Recalls recalls) {
		this.recalls = recalls;
	}

	@Override
	public void notify(DelegateTask task) {
		recalls.close(task.getExecution().getProcessBusinessKey(), text(task, VAR_SUMMARY),
				TaskActors.completedBy(task));
	}

}
