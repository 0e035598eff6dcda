package com.tracecase.quality;

/**
 * Whether a recall campaign still follows its units.
 */
public enum RecallCampaignStatus {

	OPEN, CLOSED

}
