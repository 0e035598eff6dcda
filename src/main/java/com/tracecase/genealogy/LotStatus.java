package com.tracecase.genealogy;

public enum LotStatus {

	IN_PRODUCTION, AVAILABLE, QUARANTINED, RESERVED, CONSUMED, SHIPPED, RETURNED, SCRAPPED

}
