package com.tracecase.finance;

import java.util.List;

import org.springframework.data.repository.Repository;

interface LedgerEntries extends Repository<LedgerEntry, Long> {

	LedgerEntry save(LedgerEntry entry);

	List<LedgerEntry> findByCaseNumberOrderByKind(String caseNumber);

	boolean existsByCaseNumberAndItemLotCodeIsNull(String caseNumber);

	boolean existsByCaseNumberAndKindAndItemLotCode(String caseNumber, CostKind kind, String itemLotCode);

}
