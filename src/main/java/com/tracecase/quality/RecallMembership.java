package com.tracecase.quality;

/**
 * A unit's place in a recall campaign.
 *
 * @param reference the campaign
 * @param campaignOpen whether the campaign still follows its units
 * @param status where the unit stands in it
 * @param caseNumber the report on the unit that joined the campaign, {@literal null} when
 * none did
 */
public record RecallMembership(String reference, boolean campaignOpen, RecallUnitStatus status, String caseNumber) {
}
