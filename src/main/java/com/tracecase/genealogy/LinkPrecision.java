package com.tracecase.genealogy;

public enum LinkPrecision {

	UNIT, BUILD

}
