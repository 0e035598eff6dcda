package com.tracecase.genealogy;

import java.util.List;

/**
 * A device and every lot it is made of, at any depth, nearest first.
 *
 * @param device the device
 * @param lots its ancestor lots, never {@literal null}
 */
public record DeviceTrace(Device device, List<TracedLot> lots) {
}
