package com.tracecase.workflow.recall;

import com.tracecase.quality.RecallProgress;
import com.tracecase.quality.RecallUnitStatus;
import com.tracecase.quality.Recalls;
import com.tracecase.workflow.TaskActors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

import static com.tracecase.workflow.RecallCampaignProcess.VAR_UNITS;
import static com.tracecase.workflow.RecallCampaignProcess.VAR_UNITS_HELD;
import static com.tracecase.workflow.RecallCampaignProcess.VAR_UNITS_IN_FIELD;

/**
 * Task_ListAffectedUnits (recall campaign): lists every unit built from the recalled lot
 * that is still somewhere, with who has the shipped ones.
 */
@Component("listRecallUnits")
class ListRecallUnitsDelegate implements JavaDelegate {

	private final Recalls recalls;

	ListRecallUnitsDelegate(Recalls recalls) {
		this.recalls = recalls;
	}

	@Override
	public void execute(DelegateExecution execution) {
		RecallProgress progress = recalls.listUnits(execution.getProcessBusinessKey(), TaskActors.SYSTEM);
		execution.setVariable(VAR_UNITS, progress.units());
		execution.setVariable(VAR_UNITS_HELD, progress.count(RecallUnitStatus.HELD));
		execution.setVariable(VAR_UNITS_IN_FIELD, progress.units() - progress.count(RecallUnitStatus.HELD));
	}

}
