package com.tracecase.workflow.integrity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.tracecase.casework.CaseManagement;
import com.tracecase.notification.MailTemplate;
import com.tracecase.notification.Notifications;
import com.tracecase.notification.Recipient;
import com.tracecase.quality.Containment;
import com.tracecase.quality.Recalls;
import com.tracecase.shared.Groups;
import com.tracecase.workflow.FailureCaseProcess;
import com.tracecase.workflow.RecallCampaignProcess;
import com.tracecase.workflow.SupplierActionProcess;
import com.tracecase.workflow.mail.CaseMails;
import com.tracecase.workflow.progress.StepNames;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IncidentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.runtime.Incident;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Incidents of a case's processes (the case and its containment, both keyed by the case
 * number, and the case's supplier corrective action, which names its case in a variable):
 * an incident makes the case need attention and tells the managers and administrators
 * once; its resolution gives the case back its status. An incident of a recall campaign's
 * process does the same for the campaign.
 */
@Component
class CaseIncidents {

	private static final Set<String> CASE_PROCESSES = Set.of(FailureCaseProcess.PROCESS_KEY,
			FailureCaseProcess.CONTAINMENT_PROCESS_KEY, SupplierActionProcess.PROCESS_KEY);

	private static final Set<String> RECALL_PROCESSES = Set.of(RecallCampaignProcess.PROCESS_KEY);

	private final CaseManagement cases;

	private final Recalls recalls;

	private final Notifications notifications;

	CaseIncidents(CaseManagement cases, Recalls recalls, Notifications notifications) {
		this.cases = cases;
		this.recalls = recalls;
		this.notifications = notifications;
	}

	/**
	 * @param incident the incident just recorded
	 * @param failure the exception of the failed job, {@literal null} when unknown
	 */
	void opened(Incident incident, Throwable failure) {
		ExecutionEntity recall = execution(incident, RECALL_PROCESSES);
		if (recall != null) {
			campaignNeedsAttention(recall, incident, failure);
			return;
		}
		ExecutionEntity execution = caseExecution(incident);
		if (execution == null) {
			return;
		}
		String caseNumber = caseNumberOf(execution);
		if (caseNumber == null) {
			return;
		}
		if (caseNumber.startsWith(Containment.LOT_REFERENCE_PREFIX)) {
			lotContainmentNeedsAttention(execution, incident, failure);
			return;
		}
		String step = stepName(execution, incident);
		String problem = ProblemMessages.readable(failure, incident.getIncidentMessage());
		if (!cases.markNeedsAttention(caseNumber, incident.getId(), step, problem)) {
			return;
		}
		Map<String, Object> model = mailModel(execution);
		model.put("caseNumber", caseNumber);
		model.put("step", step);
		model.put("problem", problem);
		notifications.enqueue(MailTemplate.ATTENTION_NEEDED,
				List.of(Recipient.group(Groups.MANAGERS), Recipient.group(Groups.ADMINS)), model,
				caseNumber + ":attention:" + incident.getId());
	}

	/**
	 * A lot contained on its own has no case to mark: the managers and administrators are
	 * told once per incident, with the lot.
	 */
	private void lotContainmentNeedsAttention(ExecutionEntity execution, Incident incident, Throwable failure) {
		String reference = execution.getProcessBusinessKey();
		Map<String, Object> model = new HashMap<>();
		model.put("suspectLots", List.of(reference.substring(Containment.LOT_REFERENCE_PREFIX.length())));
		model.put("step", stepName(execution, incident));
		model.put("problem", ProblemMessages.readable(failure, incident.getIncidentMessage()));
		notifications.enqueue(MailTemplate.ATTENTION_NEEDED,
				List.of(Recipient.group(Groups.MANAGERS), Recipient.group(Groups.ADMINS)), model,
				reference + ":attention:" + incident.getId());
	}

	private void campaignNeedsAttention(ExecutionEntity execution, Incident incident, Throwable failure) {
		String reference = execution.getProcessBusinessKey();
		String step = stepName(execution, incident);
		String problem = ProblemMessages.readable(failure, incident.getIncidentMessage());
		if (!recalls.markNeedsAttention(reference, incident.getId(), step, problem)) {
			return;
		}
		Map<String, Object> model = new HashMap<>();
		model.put("recallReference", reference);
		model.put("step", step);
		model.put("problem", problem);
		notifications.enqueue(MailTemplate.ATTENTION_NEEDED,
				List.of(Recipient.group(Groups.MANAGERS), Recipient.group(Groups.ADMINS)), model,
				reference + ":attention:" + incident.getId());
	}

	/**
	 * The case's usual mail model; when the case's own data is what broke the step, the
	 * mail still goes out with the case number, the step and the problem.
	 */
	private static Map<String, Object> mailModel(ExecutionEntity execution) {
		try {
			return CaseMails.model(execution);
		}
		catch (RuntimeException ex) {
			return new HashMap<>();
		}
	}

	/**
	 * @param incident an incident resolved or deleted just now
	 */
	void closed(Incident incident) {
		ExecutionEntity recall = execution(incident, RECALL_PROCESSES);
		if (recall != null) {
			recalls.attentionResolved(recall.getProcessBusinessKey(), incident.getId());
			return;
		}
		ExecutionEntity execution = caseExecution(incident);
		String caseNumber = execution == null ? null : caseNumberOf(execution);
		if (caseNumber != null) {
			cases.attentionResolved(caseNumber, incident.getId());
		}
	}

	/** The incident's execution, if it belongs to a case's process. */
	private static ExecutionEntity caseExecution(Incident incident) {
		return execution(incident, CASE_PROCESSES);
	}

	/** The incident's execution, if it belongs to one of the processes. */
	private static ExecutionEntity execution(Incident incident, Set<String> processes) {
		if (!(incident instanceof IncidentEntity entity)) {
			return null;
		}
		ExecutionEntity execution = entity.getExecution();
		if (execution == null || !StringUtils.hasText(execution.getProcessBusinessKey())) {
			return null;
		}
		ProcessDefinitionEntity definition = execution.getProcessDefinition();
		return definition != null && processes.contains(definition.getKey()) ? execution : null;
	}

	/**
	 * The case of the process: its business key, or for a supplier corrective action the
	 * case that found it, {@literal null} for a lot contained on its own.
	 */
	private static String caseNumberOf(ExecutionEntity execution) {
		if (SupplierActionProcess.PROCESS_KEY.equals(execution.getProcessDefinition().getKey())) {
			Object caseNumber = execution.getVariable(SupplierActionProcess.VAR_CASE_NUMBER);
			return caseNumber == null ? null : caseNumber.toString();
		}
		return execution.getProcessBusinessKey();
	}

	/** The failed step's name; a step of a containment or a campaign says whose it is. */
	private static String stepName(ExecutionEntity execution, Incident incident) {
		String activityId = incident.getFailedActivityId() != null ? incident.getFailedActivityId()
				: incident.getActivityId();
		ProcessDefinitionEntity definition = execution.getProcessDefinition();
		ActivityImpl activity = activityId == null ? null : definition.findActivity(activityId);
		String name = activity != null && StringUtils.hasText(activity.getName())
				? StepNames.plain(activity.getName(), activityId) : (activityId != null ? activityId : "Unknown step");
		if (!FailureCaseProcess.PROCESS_KEY.equals(definition.getKey()) && StringUtils.hasText(definition.getName())) {
			return definition.getName() + ": " + name;
		}
		return name;
	}

}
