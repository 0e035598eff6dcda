package com.tracecase.quality;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

interface SupplierCorrectiveActions extends Repository<SupplierCorrectiveAction, Long> {

	SupplierCorrectiveAction save(SupplierCorrectiveAction action);

	SupplierCorrectiveAction saveAndFlush(SupplierCorrectiveAction action);

	Optional<SupplierCorrectiveAction> findById(Long id);

	Optional<SupplierCorrectiveAction> findByContainmentReferenceAndLotCode(String containmentReference,
			String lotCode);

	List<SupplierCorrectiveAction> findByCaseNumber(String caseNumber);

	List<SupplierCorrectiveAction> findByLotCodeOrderByIdAsc(String lotCode);

	List<SupplierCorrectiveAction> findTop500ByOrderByIdDesc();

	List<SupplierCorrectiveAction> findByStatusOrderByIdAsc(SupplierActionStatus status);

	List<SupplierCorrectiveAction> findTop500ByStatusOrderByIdDesc(SupplierActionStatus status);

	List<SupplierCorrectiveAction> findByStatusInAndAnswerDueOnBeforeOrderByAnswerDueOnAscIdAsc(
			Collection<SupplierActionStatus> statuses, LocalDate before);

	long countByStatusInAndAnswerDueOnBefore(Collection<SupplierActionStatus> statuses, LocalDate before);

}
