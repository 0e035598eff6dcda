package com.tracecase.workflow.recall;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.tracecase.notification.MailTemplate;
import com.tracecase.notification.Notifications;
import com.tracecase.notification.Recipient;
import com.tracecase.quality.RecallNotice;
import com.tracecase.quality.Recalls;
import com.tracecase.workflow.RecallSettings;
import com.tracecase.workflow.TaskActors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

import static com.tracecase.workflow.RecallCampaignProcess.VAR_NOTICES_LEFT;

/**
 * Task_SendRecallNotices (recall campaign): the next notices through the outbox, one to
 * each customer who has a unit, in the customer's words, each unit marked notified in the
 * same transaction. A large campaign goes round this step in slices of
 * {@link RecallSettings#noticesPerStep()}, each its own short transaction; a step that
 * runs again sends nothing twice.
 */
@Component("sendRecallNotices")
class SendRecallNoticesDelegate implements JavaDelegate {

	private final Recalls recalls;

	private final Notifications notifications;

	private final RecallSettings settings;

	SendRecallNoticesDelegate(Recalls recalls, Notifications notifications, RecallSettings settings) {
		this.recalls = recalls;
		this.notifications = notifications;
		this.settings = settings;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String reference = execution.getProcessBusinessKey();
		List<RecallNotice> notices = recalls.noticesToSend(reference, settings.noticesPerStep());
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
		execution.setVariable(VAR_NOTICES_LEFT, recalls.noticesLeft(reference));
	}

}
