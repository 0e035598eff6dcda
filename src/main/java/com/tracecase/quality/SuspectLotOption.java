package com.tracecase.quality;

/**
 * A lot of the unit that QC may name as the suspect.
 *
 * @param value the lot code
 * @param label the lot in words: code, part, supplier or producing build, date code
 * @param partNumber the lot's part: the suspect part follows from the lot
 */
public record SuspectLotOption(String value, String label, String partNumber) {
}
