package com.tracecase.workflow.casefile;

import com.tracecase.quality.QcReview;
import com.tracecase.quality.QualityManagement;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;

import org.springframework.stereotype.Component;

import static com.tracecase.workflow.FailureCaseProcess.*;
import static com.tracecase.workflow.ProcessVariables.flag;
import static com.tracecase.workflow.ProcessVariables.requiredText;
import static com.tracecase.workflow.ProcessVariables.text;

/**
 * Completion of Task_ReviewInvestigation: records QC's review on the investigation. A
 * review that breaks a rule (a suspect lot that is not in the unit) fails the completion,
 * so QC sees the message and the task stays open.
 */
@Component("recordQcReview")
class RecordQcReviewListener implements TaskListener {

	private final QualityManagement quality;

	private final IdentityService identityService;

	RecordQcReviewListener(QualityManagement quality, IdentityService identityService) {
		this.quality = quality;
		this.identityService = identityService;
	}

	@Override
	public void notify(DelegateTask task) {
		boolean confirmed = flag(task, VAR_FAILURE_CONFIRMED);
		QcReview review = new QcReview(confirmed, text(task, VAR_FAILURE_MODE),
				confirmed ? text(task, VAR_SUSPECT_PART_NUMBER) : null,
				confirmed ? text(task, VAR_SUSPECT_LOT_CODE) : null, text(task, VAR_ROOT_CAUSE_CATEGORY),
				confirmed && flag(task, VAR_CONTAINMENT_NEEDED), text(task, VAR_QC_NOTES));
		quality.recordReview(requiredText(task, VAR_CASE_NUMBER), review, actor(task, identityService));
		task.setVariable(VAR_CONTAINMENT_NEEDED, review.containmentNeeded());
	}

	/** The assignee, else whoever completes the task through the API, else the system. */
	static String actor(DelegateTask task, IdentityService identityService) {
		if (task.getAssignee() != null) {
			return task.getAssignee();
		}
		Authentication current = identityService.getCurrentAuthentication();
		return current != null ? current.getUserId() : "tracecase";
	}

}
