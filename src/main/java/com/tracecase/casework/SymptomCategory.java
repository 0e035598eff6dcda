package com.tracecase.casework;

/**
 * What the customer sees, as customer service classifies it.
 */
public enum SymptomCategory {

	NO_POWER, DISPLAY, CHARGING, CONNECTIVITY, PHYSICAL_DAMAGE, OTHER

}
