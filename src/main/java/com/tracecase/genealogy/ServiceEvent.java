package com.tracecase.genealogy;

public record ServiceEvent(java.time.Instant at, String type, String summary, String actor) {
}
