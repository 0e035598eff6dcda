package com.tracecase.genealogy;

public record DeviceTrace(Device device, java.util.List<TracedLot> lots) {
}
