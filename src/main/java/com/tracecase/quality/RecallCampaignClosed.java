package com.tracecase.quality;

import java.time.Instant;

/**
 * A recall campaign was closed with its summary. Published inside the closing
 * transaction.
 *
 * @param reference the campaign
 * @param summary what it found and did
 * @param by who closed it
 * @param at when
 */
public record RecallCampaignClosed(String reference, String summary, String by, Instant at) {
}
