package com.tracecase.casework;

/**
 * How a report reached us.
 */
public enum ReportChannel {

	PHONE, EMAIL, WEB, RETAILER

}
