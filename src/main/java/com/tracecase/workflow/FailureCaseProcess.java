package com.tracecase.workflow;

/**
 * Names in {@code bpmn/failure-case.bpmn} that code refers to.
 */
public final class FailureCaseProcess {

	public static final String PROCESS_KEY = "FailureCaseProcess";

	public static final String VAR_CASE_NUMBER = "caseNumber";

	public static final String VAR_SERIAL_NUMBER = "serialNumber";

	public static final String VAR_CUSTOMER_NAME = "customerName";

	public static final String VAR_CUSTOMER_EMAIL = "customerEmail";

	public static final String VAR_CUSTOMER_PHONE = "customerPhone";

	public static final String VAR_SYMPTOM_CATEGORY = "symptomCategory";

	public static final String VAR_DESCRIPTION = "description";

	public static final String VAR_PURCHASE_DATE = "purchaseDate";

	public static final String VAR_CHANNEL = "channel";

	/**
	 * Set by the start event ({@code camunda:initiator}) to the user who filed the
	 * report.
	 */
	public static final String VAR_REPORTED_BY = "reportedBy";

	public static final String TASK_CONTACT_CUSTOMER = "Task_ContactCustomer";

	private FailureCaseProcess() {
	}

}
