package com.tracecase.notification;

import java.util.Locale;

/**
 * The mails Tracecase sends. Each has a subject, an HTML and a plain-text template under
 * {@code src/main/resources/mail-templates}, named after the constant
 * ({@code QC_NOTIFIED} → {@code qc-notified.html}, {@code qc-notified.txt},
 * {@code qc-notified-subject.txt}).
 */
public enum MailTemplate {

	/** To QC: a new case needs a quality check. */
	QC_NOTIFIED(false),

	/** To production: a case concerns lots they built. */
	PRODUCTION_INFORMED(false),

	/** To the group of a task that waits too long. */
	REMINDER(false),

	/** To managers: a task is overdue. */
	ESCALATION(false),

	/** To QC, production and managers: suspect lots are being contained. */
	CONTAINMENT(false),

	/**
	 * To managers and administrators: a step of a case failed for good and the case waits
	 * for someone to fix it.
	 */
	ATTENTION_NEEDED(false),

	/** To the customer: the report was received. */
	CUSTOMER_ACKNOWLEDGEMENT(true),

	/** To the customer: the device was examined and no fault was found. */
	NO_FAULT_FOUND(true),

	/** To the customer: the case is resolved. */
	RESOLUTION(true),

	/** To QC, production, customer service and managers: a recall campaign started. */
	RECALL_STARTED(false),

	/** To the customer who has a unit of a recall campaign: what to do. */
	RECALL_NOTICE(true),

	/** To a supplier's contact: a corrective action with an 8D answer is requested. */
	SUPPLIER_ACTION_REQUEST(false, true),

	/** To a supplier's contact: the 8D answer is still due. */
	SUPPLIER_ACTION_REMINDER(false, true),

	/** To a supplier's contact: the 8D answer is rejected, a new one is due. */
	SUPPLIER_ANSWER_REJECTED(false, true),

	/** To a supplier's contact: the answer is verified and the action closed. */
	SUPPLIER_ACTION_CLOSED(false, true);

	private final boolean customerFacing;

	private final boolean supplierFacing;

	MailTemplate(boolean customerFacing) {
		this(customerFacing, false);
	}

	MailTemplate(boolean customerFacing, boolean supplierFacing) {
		this.customerFacing = customerFacing;
		this.supplierFacing = supplierFacing;
	}

	/**
	 * Whether the mail goes to a supplier, an outside company. Supplier mails are about a
	 * supplier corrective action, named by its reference ({@code SCA-…}) in the model key
	 * {@code reference}, and carry no link into Tracecase and no case details.
	 * @return {@code true} for supplier mails
	 */
	public boolean isSupplierFacing() {
		return supplierFacing;
	}

	/**
	 * Whether the mail goes to a customer. Customer mails leave out internal details
	 * (suspect lots, the link into Tracecase).
	 * @return {@code true} for customer mails
	 */
	public boolean isCustomerFacing() {
		return customerFacing;
	}

	/**
	 * @return the base name of the template files, e.g. {@code qc-notified}
	 */
	public String fileName() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
