package com.tracecase.casework;

import java.util.List;
import java.util.Optional;

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

	@Query(value = "SELECT nextval('failure_case_number_seq')", nativeQuery = true)
	long nextCaseSequence();

}
