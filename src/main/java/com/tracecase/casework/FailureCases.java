package com.tracecase.casework;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * The failure cases.
 */
interface FailureCases extends Repository<FailureCase, Long> {

	FailureCase save(FailureCase failureCase);

	FailureCase saveAndFlush(FailureCase failureCase);

	Optional<FailureCase> findByCaseNumber(String caseNumber);

	Optional<FailureCase> findByIdempotencyKey(String idempotencyKey);

	List<FailureCase> findAll(Specification<FailureCase> specification, Sort sort);

	Page<FailureCase> findAll(Specification<FailureCase> specification, Pageable pageable);

	@Query("SELECT DISTINCT c.serialNumber FROM FailureCase c WHERE c.status IN :statuses ORDER BY c.serialNumber")
	List<String> findSerialNumbersByStatusIn(Collection<CaseStatus> statuses);

	@Query(value = "SELECT nextval('failure_case_number_seq')", nativeQuery = true)
	long nextCaseSequence();

}
