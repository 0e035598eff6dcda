package com.tracecase.audit.internal;

import java.time.Clock;
import java.time.Instant;

import com.tracecase.audit.AuditAction;
import com.tracecase.audit.AuditEntry;
import com.tracecase.audit.AuditSubject;
import com.tracecase.audit.AuditTrail;
import com.tracecase.casework.CaseDecided;
import com.tracecase.casework.CaseStatusChanged;
import com.tracecase.casework.CostApprovalDecided;
import com.tracecase.casework.UnitReceived;
import com.tracecase.genealogy.BuildCompleted;
import com.tracecase.genealogy.BuildStarted;
import com.tracecase.genealogy.LotCreated;
import com.tracecase.genealogy.LotFileAttached;
import com.tracecase.genealogy.LotStatusChanged;
import com.tracecase.genealogy.MaterialConsumed;
import com.tracecase.genealogy.PartCreated;
import com.tracecase.genealogy.UnitShipped;
import com.tracecase.genealogy.MaterialDisposed;
import com.tracecase.genealogy.UnitRepaired;
import com.tracecase.quality.ContainmentRequested;
import com.tracecase.quality.FieldActionDecided;
import com.tracecase.quality.InvestigationReviewed;
import com.tracecase.quality.LotsContained;
import com.tracecase.quality.RecallCampaignClosed;
import com.tracecase.quality.RecallCampaignStarted;
import com.tracecase.quality.RecallUnitBooked;
import com.tracecase.quality.SupplierActionRequested;
import com.tracecase.quality.SupplierAnswerSubmitted;
import com.tracecase.quality.SupplierAnswerVerdictSubmitted;
import com.tracecase.shared.Labels;

import org.springframework.context.event.EventListener;
import org.springframework.lang.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Writes the audit entry of each change the modules announce, synchronously in the
 * transaction that made the change: if the entry cannot be written, the change fails with
 * it, and a change rolled back takes its entry along.
 */
@Component
class ChangeRecorder {

	private final AuditTrail trail;

	private final Clock clock;

	ChangeRecorder(AuditTrail trail, Clock clock) {
		this.trail = trail;
		this.clock = clock;
	}

	@EventListener
	void on(LotStatusChanged event) {
		String from = Labels.label(event.from());
		String to = Labels.label(event.to());
		trail.record(event.at(), actor(event.actor()), AuditSubject.LOT, event.lotCode(), AuditAction.STATUS_CHANGED,
				"Status " + from + " \u2192 " + to + because(event.reason()), event.from(), event.to());
	}

	@EventListener
	void on(PartCreated event) {
		trail.record(event.at(), actor(null), AuditSubject.PART, event.partNumber(), AuditAction.CREATED,
				"Part registered: " + event.description(), (String) null, null);
	}

	@EventListener
	void on(LotCreated event) {
		trail.record(event.at(), actor(null), AuditSubject.LOT, event.lotCode(), AuditAction.CREATED,
				"Lot of " + event.quantity().stripTrailingZeros().toPlainString() + " \u00d7 " + event.partNumber()
						+ " registered (" + Labels.label(event.status()) + ")",
				null, event.status());
	}

	@EventListener
	void on(BuildStarted event) {
		trail.record(event.at(), actor(null), AuditSubject.BUILD, event.buildCode(), AuditAction.CREATED,
				"Build of " + event.quantity().stripTrailingZeros().toPlainString() + " \u00d7 " + event.partNumber()
						+ " started with " + event.outputs() + (event.outputs() == 1 ? " output lot" : " output lots"),
				(String) null, null);
	}

	@EventListener
	void on(BuildCompleted event) {
		trail.record(event.at(), actor(event.actor()), AuditSubject.BUILD, event.buildCode(), AuditAction.COMPLETED,
				"Build completed: its outputs are available", (String) null, null);
	}

	@EventListener
	void on(MaterialConsumed event) {
		trail.record(event.at(), actor(null), AuditSubject.BUILD, event.buildCode(), AuditAction.CONSUMED,
				"Consumed " + event.quantity().stripTrailingZeros().toPlainString() + " of lot "
						+ event.consumedLotCode()
						+ (event.producedLotCode() == null ? " for all outputs" : " for " + event.producedLotCode()),
				(String) null, event.consumedLotCode());
	}

	@EventListener
	void on(UnitShipped event) {
		trail.record(event.at(), actor(null), AuditSubject.UNIT, event.serialNumber(), AuditAction.SHIPPED,
				"Shipment recorded" + (event.reference() == null ? "" : " (" + event.reference() + ")"), (String) null,
				null);
	}

	@EventListener
	void on(LotFileAttached event) {
		trail.record(event.at(), actor(event.actor()), AuditSubject.LOT, event.lotCode(), AuditAction.FILE_ATTACHED,
				"File attached: " + event.fileName(), (String) null, event.fileName());
	}

	@EventListener
	void on(UnitRepaired event) {
		trail.record(event.at(), actor(event.actor()), AuditSubject.UNIT, event.serialNumber(), AuditAction.REPAIRED,
				"Part lot " + event.removedLotCode() + " replaced by " + event.installedLotCode(),
				event.removedLotCode(), event.installedLotCode());
	}

	@EventListener
	void on(MaterialDisposed event) {
		String disposition = Labels.label(event.disposition());
		trail.record(event.at(), actor(event.actor()), AuditSubject.LOT, event.lotCode(), AuditAction.DISPOSED,
				disposition + " (case " + event.caseNumber() + "): " + event.description(), null, event.disposition());
	}

	@EventListener
	void on(CaseStatusChanged event) {
		String to = Labels.label(event.to());
		if (event.from() == null) {
			trail.record(event.at(), actor(event.actor()), AuditSubject.CASE, event.caseNumber(), AuditAction.CREATED,
					"Case filed (" + to + ")", null, event.to());
			return;
		}
		String from = Labels.label(event.from());
		AuditAction action = switch (event.to()) {
			case CLOSED -> AuditAction.CLOSED;
			case CANCELLED -> AuditAction.CANCELLED;
			default -> AuditAction.STATUS_CHANGED;
		};
		trail.record(event.at(), actor(event.actor()), AuditSubject.CASE, event.caseNumber(), action,
				"Status " + from + " \u2192 " + to + because(event.reason()), event.from(), event.to());
	}

	@EventListener
	void on(CaseDecided event) {
		String before = event.before() == null ? null : Labels.label(event.before());
		String remedy = Labels.label(event.remedy());
		trail.record(event.at(), actor(event.decidedBy()), AuditSubject.DECISION, event.caseNumber(),
				AuditAction.DECIDED,
				(before == null ? "Decided: " + remedy : "Decision " + before + " \u2192 " + remedy)
						+ because(event.reason()),
				event.before(), event.remedy());
	}

	@EventListener
	void on(CostApprovalDecided event) {
		trail.record(event.at(), actor(event.decidedBy()), AuditSubject.DECISION, event.caseNumber(),
				event.approved() ? AuditAction.COST_APPROVED : AuditAction.COST_REJECTED,
				(event.approved() ? "Cost approved by finance" : "Cost rejected by finance") + because(event.comment()),
				(String) null, null);
	}

	@EventListener
	void on(UnitReceived event) {
		trail.record(clock.instant(), actor(event.receivedBy()), AuditSubject.CASE, event.caseNumber(),
				AuditAction.UNIT_RECEIVED, "Customer's unit received", (String) null, null);
	}

	@EventListener
	void on(ContainmentRequested event) {
		trail.record(clock.instant(), actor(event.requestedBy()), AuditSubject.CONTAINMENT, event.reference(),
				AuditAction.CREATED, "Containment of lot " + event.lotCode() + " requested" + because(event.reason()),
				(String) null, null);
	}

	@EventListener
	void on(InvestigationReviewed event) {
		trail.record(event.at(), actor(event.reviewer()), AuditSubject.CASE, event.caseNumber(), AuditAction.REVIEWED,
				"QC's verdict: " + Labels.label(event.verdict())
						+ (event.suspectLotCode() == null ? "" : ", suspect lot " + event.suspectLotCode()),
				null, event.verdict());
	}

	@EventListener
	void on(LotsContained event) {
		trail.record(event.at(), actor(event.actor()), AuditSubject.CONTAINMENT, event.reference(),
				AuditAction.CONTAINED,
				"Stock built from lot " + event.suspectLotCode() + " quarantined: " + event.quarantined()
						+ (event.quarantined() == 1 ? " lot" : " lots") + ", " + event.shippedAtRisk()
						+ " shipped units at risk",
				(String) null, null);
	}

	@EventListener
	void on(FieldActionDecided event) {
		trail.record(event.at(), actor(event.decidedBy()), AuditSubject.CONTAINMENT, event.reference(),
				event.approved() ? AuditAction.FIELD_ACTION_APPROVED : AuditAction.FIELD_ACTION_REJECTED,
				(event.approved() ? "Field action approved" : "No field action") + because(event.notes()),
				(String) null, null);
	}

	@EventListener
	void on(SupplierActionRequested event) {
		trail.record(clock.instant(), actor(null), AuditSubject.SUPPLIER_ACTION, event.reference(), AuditAction.CREATED,
				"Corrective action requested from " + event.supplier() + " for lot " + event.lotCode()
						+ (event.caseNumber() == null ? "" : " (case " + event.caseNumber() + ")"),
				(String) null, null);
	}

	@EventListener
	void on(SupplierAnswerSubmitted event) {
		trail.record(clock.instant(), actor(event.by()), AuditSubject.SUPPLIER_ACTION, event.reference(),
				AuditAction.ANSWER_SUBMITTED, "The supplier's 8D answer submitted", (String) null, null);
	}

	@EventListener
	void on(SupplierAnswerVerdictSubmitted event) {
		trail.record(clock.instant(), actor(event.by()), AuditSubject.SUPPLIER_ACTION, event.reference(),
				event.verified() ? AuditAction.ANSWER_VERIFIED : AuditAction.ANSWER_REJECTED,
				(event.verified() ? "The supplier's answer verified" : "The supplier's answer rejected")
						+ because(event.reason()),
				(String) null, null);
	}

	@EventListener
	void on(RecallCampaignStarted event) {
		trail.record(clock.instant(), actor(event.startedBy()), AuditSubject.RECALL_CAMPAIGN, event.reference(),
				AuditAction.CREATED, "Recall campaign for lot " + event.lotCode() + " started", (String) null, null);
	}

	@EventListener
	void on(RecallUnitBooked event) {
		trail.record(event.at(), actor(event.by()), AuditSubject.RECALL_CAMPAIGN, event.reference(),
				AuditAction.STATUS_CHANGED, "Unit " + event.unit() + ": " + Labels.label(event.from()) + " \u2192 "
						+ Labels.label(event.to()) + because(event.note()),
				event.from(), event.to());
	}

	@EventListener
	void on(RecallCampaignClosed event) {
		trail.record(event.at(), actor(event.by()), AuditSubject.RECALL_CAMPAIGN, event.reference(), AuditAction.CLOSED,
				"Recall campaign closed" + because(event.summary()), (String) null, null);
	}

	/**
	 * The actor the change names, else the signed-in user, else the process.
	 */
	static String actor(@Nullable String named) {
		if (StringUtils.hasText(named)) {
			return named.strip();
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken)
				&& StringUtils.hasText(authentication.getName())) {
			return authentication.getName();
		}
		return AuditEntry.PROCESS_ACTOR;
	}

	private static String because(@Nullable String reason) {
		return StringUtils.hasText(reason) ? ": " + reason.strip() : "";
	}

}
