package com.tracecase.workflow.recall;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.tracecase.notification.MailTemplate;
import com.tracecase.notification.Notifications;
import com.tracecase.notification.Recipient;
import com.tracecase.quality.RecallCampaign;
import com.tracecase.quality.RecallNotice;
import com.tracecase.quality.RecallProgress;
import com.tracecase.quality.RecallUnitStatus;
import com.tracecase.quality.Recalls;
import com.tracecase.shared.Groups;
import com.tracecase.workflow.TaskActors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

import static com.tracecase.workflow.RecallCampaignProcess.VAR_NOTICES_MAILED;
import static com.tracecase.workflow.RecallCampaignProcess.VAR_WITHOUT_EMAIL;

/**
 * Task_SendRecallNotices (recall campaign): a notice through the outbox to each customer
 * who has a unit, in the customer's words, each unit marked notified in the same
 * transaction; then QC, production, customer service and managers are told what the
 * campaign follows. A step that runs again sends nothing twice.
 */
@Component("sendRecallNotices")
class SendRecallNoticesDelegate implements JavaDelegate {

	private final Recalls recalls;

	private final Notifications notifications;

	SendRecallNoticesDelegate(Recalls recalls, Notifications notifications) {
		this.recalls = recalls;
		this.notifications = notifications;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String reference = execution.getProcessBusinessKey();
		List<RecallNotice> notices = recalls.noticesToSend(reference);
		for (RecallNotice notice : notices) {
			Map<String, Object> model = new HashMap<>();
			model.put("recallReference", reference);
			model.put("serialNumber", notice.serialNumber() != null ? notice.serialNumber() : notice.lotCode());
			model.put("product", notice.product());
			model.put("customerName", notice.customerName());
			notifications.enqueue(MailTemplate.RECALL_NOTICE, List.of(Recipient.address(notice.customerEmail())), model,
					reference + ":notice:" + notice.lotCode());
		}
		recalls.noticesSent(reference, notices.stream().map(RecallNotice::lotCode).toList(), TaskActors.SYSTEM);

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
