package com.tracecase.workflow;

/**
 * Names of the recall campaign process: its key, steps and variables. The business key is
 * the campaign's reference.
 */
public final class RecallCampaignProcess {

	public static final String PROCESS_KEY = "RecallCampaignProcess";

	public static final String TASK_LIST_UNITS = "Task_ListAffectedUnits";

	public static final String TASK_SEND_NOTICES = "Task_SendRecallNotices";

	public static final String TASK_ANNOUNCE = "Task_AnnounceRecall";

	public static final String TASK_CLOSE_CAMPAIGN = "Task_CloseCampaign";

	public static final String TASK_MARK_NO_RESPONSE = "Task_MarkNoResponse";

	public static final String TIMER_RESPONSE_PERIOD = "Timer_ResponsePeriodOver";

	/**
	 * The campaign: on its own process (for Tasklist's link to its page), and on a
	 * containment the campaign its approved field action started.
	 */
	public static final String VAR_REFERENCE = "recallReference";

	/** The recalled lot. */
	public static final String VAR_LOT_CODE = "recallLotCode";

	/** How long notified customers have to answer, an ISO-8601 duration. */
	public static final String VAR_RESPONSE_PERIOD = "recallResponsePeriod";

	/** Units the campaign follows. */
	public static final String VAR_UNITS = "recallUnits";

	/** Units in the field. */
	public static final String VAR_UNITS_IN_FIELD = "recallUnitsInField";

	/** Units in stock or production, held. */
	public static final String VAR_UNITS_HELD = "recallUnitsHeld";

	/** Recall notices still to send by mail, after a run of the sending step. */
	public static final String VAR_NOTICES_LEFT = "recallNoticesLeft";

	/** Recall notices mailed. */
	public static final String VAR_NOTICES_MAILED = "recallNoticesMailed";

	/** Units whose customer has no email address. */
	public static final String VAR_WITHOUT_EMAIL = "recallUnitsWithoutEmail";

	/** Units marked no response when the response period was over. */
	public static final String VAR_NO_RESPONSE = "recallNoResponse";

	/** The closing summary, entered on the closing form. */
	public static final String VAR_SUMMARY = "recallSummary";

	private RecallCampaignProcess() {
	}

}
