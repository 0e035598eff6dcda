package com.tracecase.quality;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

interface SupplierCorrectiveActions extends Repository<SupplierCorrectiveAction, Long> {

	SupplierCorrectiveAction save(SupplierCorrectiveAction action);

	Optional<SupplierCorrectiveAction> findByContainmentReferenceAndLotCode(String containmentReference,
			String lotCode);

	List<SupplierCorrectiveAction> findByCaseNumber(String caseNumber);

}
