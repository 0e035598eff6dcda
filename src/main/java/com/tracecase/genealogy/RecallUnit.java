package com.tracecase.genealogy;

/**
 * A lot built from a recalled lot that is still somewhere: in the field, in stock or in
 * production.
 *
 * @param lotCode the lot
 * @param serialNumber the unit's serial number, {@literal null} for a lot of parts
 * @param partNumber its part
 * @param partKind the part's kind
 * @param status its status
 * @param depth build steps from the recalled lot
 * @param whereabouts where it is
 * @param shipment who has it, the latest shipment; {@literal null} when none is recorded
 */
public record RecallUnit(String lotCode, String serialNumber, String partNumber, PartKind partKind, LotStatus status,
		int depth, Whereabouts whereabouts, Shipment shipment) {
}
