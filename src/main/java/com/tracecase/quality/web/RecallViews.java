package com.tracecase.quality.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import com.tracecase.genealogy.Whereabouts;
import com.tracecase.quality.CampaignUnit;
import com.tracecase.quality.RecallCampaign;
import com.tracecase.quality.RecallCampaignStatus;
import com.tracecase.quality.RecallProgress;
import com.tracecase.quality.RecallUnitStatus;
import com.tracecase.shared.Labels;

/**
 * Recall campaigns and their units as the API answers them: codes with their labels
 * beside them.
 */
final class RecallViews {

	private RecallViews() {
	}

	/**
	 * @param unitsByStatus units per status, by the status's label
	 * @param completionRate units followed to their end (repaired, replaced or closed)
	 * per unit, 0 to 1
	 * @param attention the failed step that stops the campaign, {@literal null} when none
	 */
	record CampaignView(String reference, String lotCode, String partNumber, RecallCampaignStatus status,
			String statusLabel, String reason, String startedBy, Instant startedAt, String containmentReference,
			Instant unitsListedAt, String closedBy, Instant closedAt, String summary, String age, long units,
			long remedied, double completionRate, Map<String, Long> unitsByStatus, Attention attention) {

		static CampaignView of(RecallCampaign campaign, RecallProgress progress, Instant now) {
			Map<String, Long> byStatus = new LinkedHashMap<>();
			progress.byStatus().forEach((status, count) -> byStatus.put(Labels.label(status), count));
			return new CampaignView(campaign.getReference(), campaign.getLotCode(), campaign.getPartNumber(),
					campaign.getStatus(), Labels.label(campaign.getStatus()), campaign.getReason(),
					campaign.getStartedBy(), campaign.getStartedAt(), campaign.getContainmentReference(),
					campaign.getUnitsListedAt(), campaign.getClosedBy(), campaign.getClosedAt(), campaign.getSummary(),
					Labels.duration(campaign.age(now)), progress.units(), progress.remedied(),
					progress.completionRate(), byStatus,
					campaign.needsAttention() ? new Attention(campaign.getAttentionStep(),
							campaign.getAttentionProblem(), campaign.getAttentionSince()) : null);
		}

	}

	/**
	 * A step of the campaign's process that failed for good.
	 */
	record Attention(String step, String message, Instant since) {
	}

	/**
	 * @param customerName who has it; only for those who deal with customers
	 * @param customerEmail the customer's address; only for those who deal with customers
	 */
	record UnitView(String lotCode, String serialNumber, String partNumber, Whereabouts whereabouts,
			String whereaboutsLabel, RecallUnitStatus status, String statusLabel, String customerName,
			String customerEmail, LocalDate shippedOn, String shipmentReference, String caseNumber, Instant updatedAt,
			String updatedBy, String note) {

		static UnitView of(CampaignUnit unit, boolean withCustomer) {
			return new UnitView(unit.getLotCode(), unit.getSerialNumber(), unit.getPartNumber(), unit.getWhereabouts(),
					Labels.label(unit.getWhereabouts()), unit.getStatus(), Labels.label(unit.getStatus()),
					withCustomer ? unit.getCustomerName() : null, withCustomer ? unit.getCustomerEmail() : null,
					unit.getShippedOn(), unit.getShipmentReference(), unit.getCaseNumber(), unit.getUpdatedAt(),
					unit.getUpdatedBy(), unit.getNote());
		}

	}

}
