package com.tracecase.workflow.recall;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.tracecase.notification.MailTemplate;
import com.tracecase.notification.Notifications;
import com.tracecase.notification.Recipient;
import com.tracecase.quality.RecallCampaign;
import com.tracecase.quality.RecallProgress;
import com.tracecase.quality.RecallUnitStatus;
import com.tracecase.quality.Recalls;
import com.tracecase.shared.Groups;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

import static com.tracecase.workflow.RecallCampaignProcess.VAR_NOTICES_MAILED;
import static com.tracecase.workflow.RecallCampaignProcess.VAR_WITHOUT_EMAIL;

/**
 * Task_AnnounceRecall (recall campaign): once the notices are out, QC, production,
 * customer service and managers are told what the campaign follows, and how many
 * customers have no address and must be told by customer service.
 */
@Component("announceRecall")
class AnnounceRecallDelegate implements JavaDelegate {

	private final Recalls recalls;

	private final Notifications notifications;

	AnnounceRecallDelegate(Recalls recalls, Notifications notifications) {
		this.recalls = recalls;
		this.notifications = notifications;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String reference = execution.getProcessBusinessKey();
		RecallCampaign campaign = recalls.get(reference);
		RecallProgress progress = recalls.progress(campaign);
		long withoutEmail = progress.count(RecallUnitStatus.TO_NOTIFY);
		long held = progress.count(RecallUnitStatus.HELD);
		Map<String, Object> model = new HashMap<>();
		model.put("recallReference", reference);
		model.put("lotCode", campaign.getLotCode());
		model.put("partNumber", campaign.getPartNumber());
		model.put("reason", campaign.getReason());
		model.put("startedBy", campaign.getStartedBy());
		model.put("units", progress.units());
		model.put("inField", progress.units() - held);
		model.put("held", held);
		model.put("noticesMailed", progress.count(RecallUnitStatus.NOTIFIED));
		model.put("withoutEmail", withoutEmail);
		notifications.enqueue(MailTemplate.RECALL_STARTED,
				List.of(Recipient.group(Groups.QC), Recipient.group(Groups.PRODUCTION),
						Recipient.group(Groups.CUSTOMER_SERVICE), Recipient.group(Groups.MANAGERS)),
				model, reference + ":started");
		execution.setVariable(VAR_NOTICES_MAILED, progress.count(RecallUnitStatus.NOTIFIED));
		execution.setVariable(VAR_WITHOUT_EMAIL, withoutEmail);
	}

}
