package com.tracecase.quality;

/**
 * Whether the manufacturer pays for a failure.
 */
public enum WarrantyStatus {

	IN_WARRANTY, OUT_OF_WARRANTY

}
