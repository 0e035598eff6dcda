package com.tracecase.audit;

/**
 * What kind of thing an audit entry is about; its key names the thing.
 */
public enum AuditSubject {

	/** A lot, a unit or a build's output, by lot code. */
	LOT,

	/** A built unit, by serial number. */
	UNIT,

	/** A build, by build code. */
	BUILD,

	/** A part, by part number. */
	PART,

	/** A failure case, by case number. */
	CASE,

	/** A case's decision (repair or replace, the managers' decision), by case number. */
	DECISION,

	/** A containment of a suspect lot, by reference. */
	CONTAINMENT,

	/** A supplier corrective action, by reference. */
	SUPPLIER_ACTION,

	/** A recall campaign, by reference. */
	RECALL_CAMPAIGN,

	/** A user account (Camunda Admin, the engine REST API), by user id. */
	USER,

	/** A group, by group id. */
	GROUP,

	/** A user's membership of a group, by user id. */
	GROUP_MEMBERSHIP,

	/** An authorization: a right granted or revoked, by the user or group it is for. */
	AUTHORIZATION

}
