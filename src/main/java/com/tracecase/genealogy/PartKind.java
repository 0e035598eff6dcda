package com.tracecase.genealogy;

public enum PartKind {

	COMPONENT, SUBASSEMBLY, PRODUCT

}
