package com.tracecase.workflow.casefile;

import com.tracecase.casework.Duties;
import com.tracecase.quality.Investigation;
import com.tracecase.quality.QcReview;
import com.tracecase.quality.QualityManagement;
import com.tracecase.quality.ReviewInput;
import com.tracecase.workflow.TaskActors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import org.springframework.stereotype.Component;

import static com.tracecase.workflow.FailureCaseProcess.*;
import static com.tracecase.workflow.ProcessVariables.flag;
import static com.tracecase.workflow.ProcessVariables.requiredText;
import static com.tracecase.workflow.ProcessVariables.text;

/**
 * Completion of Task_ReviewInvestigation: records QC's review on the investigation and
 * sets what the gateways and later steps read (the verdict as {@code failureConfirmed},
 * the suspect lot and its part, the message customer service starts from when no fault
 * was found). A review that breaks a rule (no verdict, a suspect lot that is not in the
 * unit) fails the completion, so QC sees the message and the task stays open; so does a
 * review completed by someone outside quality control ({@link Duties}).
 */
@Component("recordQcReview")
class RecordQcReviewListener implements TaskListener {

	private final QualityManagement quality;

	private final Duties duties;

	RecordQcReviewListener(QualityManagement quality, Duties duties) {
		this.quality = quality;
		this.duties = duties;
	}

	@Override
	public void notify(DelegateTask task) {
		duties.checkMayReview(TaskActors.signedInUser(task), TaskActors.signedInGroups(task));
		ReviewInput input = new ReviewInput(text(task, VAR_QC_VERDICT), text(task, VAR_FAILURE_MODE),
				text(task, VAR_SUSPECT_LOT_CODE), text(task, VAR_ROOT_CAUSE_CATEGORY),
				flag(task, VAR_CONTAINMENT_NEEDED), text(task, VAR_QC_NOTES));
		Investigation investigation = quality.recordReview(requiredText(task, VAR_CASE_NUMBER), input,
				TaskActors.completedBy(task));
		QcReview review = investigation.getReview();
		task.setVariable(VAR_FAILURE_CONFIRMED, review.failureConfirmed());
		task.setVariable(VAR_CONTAINMENT_NEEDED, review.containmentNeeded());
		task.setVariable(VAR_SUSPECT_LOT_CODE, review.suspectLotCode());
		task.setVariable(VAR_SUSPECT_PART_NUMBER, review.suspectPartNumber());
		if (!review.failureConfirmed()) {
			task.setVariable(VAR_CUSTOMER_MESSAGE, investigation.noFaultFoundMessage());
		}
	}

}
