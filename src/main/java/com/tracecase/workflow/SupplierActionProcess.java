package com.tracecase.workflow;

/**
 * Names in {@code bpmn/supplier-action.bpmn} that code refers to: the loop of a supplier
 * corrective action with its supplier. Its business key is the action's reference
 * ({@code SCA-<id>}).
 */
public final class SupplierActionProcess {

	public static final String PROCESS_KEY = "SupplierActionProcess";

	public static final String TASK_ADD_SUPPLIER_CONTACT = "Task_AddSupplierContact";

	public static final String TASK_RECORD_ANSWER = "Task_RecordAnswer";

	public static final String TASK_VERIFY_ANSWER = "Task_VerifyAnswer";

	public static final String TIMER_ANSWER_REMINDER = "Timer_AnswerReminder";

	// set when the process starts
	public static final String VAR_SUPPLIER_ACTION_ID = "supplierActionId";

	public static final String VAR_REFERENCE = "supplierActionReference";

	public static final String VAR_SUPPLIER = "supplier";

	public static final String VAR_LOT_CODE = "lotCode";

	public static final String VAR_PART_NUMBER = "partNumber";

	public static final String VAR_FINDING = "finding";

	/** The case that found the problem; absent for a lot contained on its own. */
	public static final String VAR_CASE_NUMBER = FailureCaseProcess.VAR_CASE_NUMBER;

	/** The reminder timer's cycle, e.g. {@code R/P7D}. */
	public static final String VAR_REMINDER_CYCLE = "reminderCycle";

	// the request
	/** Whether the request went out; without a contact email QC adds one first. */
	public static final String VAR_REQUEST_SENT = "requestSent";

	/** When the 8D answer is due, the due date of the answer task. */
	public static final String VAR_ANSWER_DUE = "answerDue";

	/** The due date in words, for the form. */
	public static final String VAR_ANSWER_DUE_TEXT = "answerDueText";

	public static final String VAR_CONTACT_NAME = "contactName";

	public static final String VAR_CONTACT_EMAIL = "contactEmail";

	// the 8D answer
	public static final String VAR_CONTAINMENT_ACTION = "containmentAction";

	public static final String VAR_ROOT_CAUSE = "rootCause";

	public static final String VAR_CORRECTIVE_ACTION = "correctiveAction";

	public static final String VAR_PREVENTIVE_ACTION = "preventiveAction";

	// QC's verdict
	/** QC's explicit choice: {@code APPROVED} (verified) or {@code REJECTED}. */
	public static final String VAR_ANSWER_VERDICT = "answerVerdict";

	public static final String VAR_REJECTION_REASON = "rejectionReason";

	/** Set from {@link #VAR_ANSWER_VERDICT}; the gateway reads it. */
	public static final String VAR_ANSWER_VERIFIED = "answerVerified";

	private SupplierActionProcess() {
	}

}
