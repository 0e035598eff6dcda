package com.tracecase.quality;

/**
 * A recall campaign was started and its process must follow it. Published inside the
 * transaction that records the campaign: the campaign and its process commit together.
 *
 * @param reference the campaign's reference, the business key of its process
 * @param lotCode the recalled lot
 * @param startedBy who started it
 */
public record RecallCampaignStarted(String reference, String lotCode, String startedBy) {
}
