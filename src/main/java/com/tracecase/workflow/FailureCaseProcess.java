package com.tracecase.workflow;

/**
 * Names in {@code bpmn/failure-case.bpmn} and {@code bpmn/containment.bpmn} that code
 * refers to.
 */
public final class FailureCaseProcess {

	public static final String PROCESS_KEY = "FailureCaseProcess";

	public static final String CONTAINMENT_PROCESS_KEY = "ContainmentProcess";

	/** Code of error Err_UnknownSerial: the report names no device we built. */
	public static final String ERROR_UNKNOWN_SERIAL = "UNKNOWN_SERIAL";

	/**
	 * Code of error Err_NoStock: what the decision counted on was gone when it was to be
	 * reserved.
	 */
	public static final String ERROR_NO_STOCK = "NO_STOCK";

	// the report
	public static final String VAR_CASE_NUMBER = "caseNumber";

	public static final String VAR_SERIAL_NUMBER = "serialNumber";

	public static final String VAR_CUSTOMER_NAME = "customerName";

	public static final String VAR_CUSTOMER_EMAIL = "customerEmail";

	public static final String VAR_CUSTOMER_PHONE = "customerPhone";

	public static final String VAR_CUSTOMER_TIER = "customerTier";

	public static final String VAR_SYMPTOM_CATEGORY = "symptomCategory";

	/** The symptom in words, for forms. */
	public static final String VAR_SYMPTOM_LABEL = "symptomLabel";

	public static final String VAR_DESCRIPTION = "description";

	public static final String VAR_PURCHASE_DATE = "purchaseDate";

	public static final String VAR_CHANNEL = "channel";

	/**
	 * Set by the start event ({@code camunda:initiator}) to the user who filed the
	 * report.
	 */
	public static final String VAR_REPORTED_BY = "reportedBy";

	// the trace
	public static final String VAR_DEVICE_LOT_CODE = "deviceLotCode";

	public static final String VAR_PRODUCT_PART_NUMBER = "productPartNumber";

	public static final String VAR_PRODUCT_DESCRIPTION = "productDescription";

	public static final String VAR_BUILD_CODE = "buildCode";

	public static final String VAR_COMPONENT_LOT_COUNT = "componentLotCount";

	// the investigation and QC's review
	public static final String VAR_WARRANTY_STATUS = "warrantyStatus";

	public static final String VAR_UNIT_AGE_MONTHS = "unitAgeMonths";

	public static final String VAR_INVESTIGATION_SUMMARY = "investigationSummary";

	/**
	 * The evidence of the reports that share lots with the unit, in words (one report: no
	 * lot signal yet).
	 */
	public static final String VAR_LOT_SIGNAL = "lotSignal";

	/**
	 * The unit's lots QC may name as the suspect, as JSON {@code [{"label", "value"}]}
	 * for the form's select.
	 */
	public static final String VAR_SUSPECT_LOT_OPTIONS = "suspectLotOptions";

	/** QC's explicit choice: {@code FAILURE_CONFIRMED} or {@code NO_FAULT_FOUND}. */
	public static final String VAR_QC_VERDICT = "qcVerdict";

	/**
	 * Set from {@link #VAR_QC_VERDICT} when QC's review is recorded; the gateway reads
	 * it.
	 */
	public static final String VAR_FAILURE_CONFIRMED = "failureConfirmed";

	public static final String VAR_FAILURE_MODE = "failureMode";

	public static final String VAR_SUSPECT_PART_NUMBER = "suspectPartNumber";

	public static final String VAR_SUSPECT_LOT_CODE = "suspectLotCode";

	public static final String VAR_ROOT_CAUSE_CATEGORY = "rootCauseCategory";

	public static final String VAR_CONTAINMENT_NEEDED = "containmentNeeded";

	public static final String VAR_QC_NOTES = "qcNotes";

	// stock and costs
	public static final String VAR_REPAIR_PARTS_AVAILABLE = "repairPartsAvailable";

	public static final String VAR_REPLACEMENT_AVAILABLE = "replacementAvailable";

	public static final String VAR_STOCK_SUMMARY = "stockSummary";

	public static final String VAR_LABOR_COST = "laborCost";

	public static final String VAR_PARTS_COST = "partsCost";

	public static final String VAR_REPLACEMENT_UNIT_COST = "replacementUnitCost";

	public static final String VAR_SHIPPING_COST = "shippingCost";

	public static final String VAR_REFUND_AMOUNT = "refundAmount";

	public static final String VAR_REPAIR_COST = "repairCost";

	public static final String VAR_REPLACEMENT_COST = "replacementCost";

	public static final String VAR_REPAIR_COST_RATIO = "repairCostRatio";

	/** ISO code of every amount of the case. */
	public static final String VAR_CURRENCY = "currency";

	// the decision
	public static final String VAR_ACTION = "action";

	public static final String VAR_DECISION_REASON = "decisionReason";

	public static final String VAR_CUSTOMER_CHARGED = "customerCharged";

	public static final String VAR_DECIDED_COST = "decidedCost";

	public static final String VAR_FINANCE_APPROVAL_NEEDED = "financeApprovalNeeded";

	public static final String VAR_FINANCE_APPROVED = "financeApproved";

	/** Finance's explicit choice: {@code APPROVED} or {@code REJECTED}. */
	public static final String VAR_FINANCE_VERDICT = "financeVerdict";

	public static final String VERDICT_APPROVED = "APPROVED";

	public static final String VERDICT_REJECTED = "REJECTED";

	public static final String VAR_FINANCE_COMMENT = "financeComment";

	public static final String VAR_MANAGER_ACTION = "managerAction";

	public static final String VAR_MANAGER_NOTES = "managerNotes";

	// resolution
	public static final String VAR_REPAIR_PART_LOT_CODE = "repairPartLotCode";

	public static final String VAR_REPLACEMENT_SERIAL = "replacementSerial";

	public static final String VAR_REPLACEMENT_LOT_CODE = "replacementLotCode";

	public static final String VAR_REMOVED_LOT_CODE = "removedLotCode";

	public static final String VAR_INSTALLED_LOT_CODE = "installedLotCode";

	public static final String VAR_REPAIR_NOTES = "repairNotes";

	public static final String VAR_REPAIRED_BY = "repairedBy";

	/**
	 * What happens to the part taken out in a repair: a
	 * {@link com.tracecase.genealogy.Disposition} name, prefilled with failure analysis.
	 */
	public static final String VAR_REMOVED_PART_DISPOSITION = "removedPartDisposition";

	/** Where the removed part goes; empty for the disposition's usual place. */
	public static final String VAR_REMOVED_PART_LOCATION = "removedPartLocation";

	/** The lot the removed part was booked into, e.g. {@code RM-FC-2026-000001-1}. */
	public static final String VAR_REMOVED_PART_LOT_CODE = "removedPartLotCode";

	/**
	 * What happens to the customer's unit that came back and was not repaired: a
	 * {@link com.tracecase.genealogy.Disposition} name.
	 */
	public static final String VAR_UNIT_DISPOSITION = "unitDisposition";

	/** Where the returned unit goes; empty for the disposition's usual place. */
	public static final String VAR_UNIT_LOCATION = "unitLocation";

	public static final String VAR_UNIT_NOTES = "unitNotes";

	public static final String VAR_UNIT_DISPOSED_BY = "unitDisposedBy";

	public static final String VAR_RECEIVED_BY = "receivedBy";

	public static final String VAR_RECEIPT_NOTES = "receiptNotes";

	public static final String VAR_SHIPPED_BY = "shippedBy";

	public static final String VAR_TRACKING_NUMBER = "trackingNumber";

	public static final String VAR_CUSTOMER_MESSAGE = "customerMessage";

	public static final String VAR_RESOLUTION_SUMMARY = "resolutionSummary";

	// containment
	public static final String VAR_FIELD_ACTION_APPROVED = "fieldActionApproved";

	/**
	 * The managers' explicit choice on a field action: {@code APPROVED} or
	 * {@code REJECTED}.
	 */
	public static final String VAR_FIELD_ACTION_VERDICT = "fieldActionVerdict";

	public static final String VAR_FIELD_ACTION_NOTES = "fieldActionNotes";

	/**
	 * Why a person contains a lot on its own (a case's containment has the case's review
	 * instead).
	 */
	public static final String VAR_CONTAINMENT_REASON = "containmentReason";

	/** The user who asked to contain a lot on its own. */
	public static final String VAR_CONTAINMENT_REQUESTED_BY = "containmentRequestedBy";

	/**
	 * The serial numbers of the shipped units at risk, one a line, for the field action
	 * form.
	 */
	public static final String VAR_SHIPPED_AT_RISK_LIST = "shippedAtRiskList";

	public static final String VAR_QUARANTINED_LOT_COUNT = "quarantinedLotCount";

	public static final String VAR_SHIPPED_AT_RISK_COUNT = "shippedAtRiskCount";

	// step ids

	public static final String TASK_REVIEW_INVESTIGATION = "Task_ReviewInvestigation";

	public static final String TASK_RECEIVE_UNIT = "Task_ReceiveUnit";

	public static final String TASK_DISPOSE_RETURNED_UNIT = "Task_DisposeReturnedUnit";

	public static final String TASK_APPROVE_FIELD_ACTION = "Task_ApproveFieldAction";

	private FailureCaseProcess() {
	}

}
