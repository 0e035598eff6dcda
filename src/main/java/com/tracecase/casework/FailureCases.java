package com.tracecase.casework;

import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * The failure cases.
 */
interface FailureCases extends Repository<FailureCase, Long> {

	FailureCase save(FailureCase failureCase);

	Optional<FailureCase> findByCaseNumber(String caseNumber);

	Optional<FailureCase> findByExternalReference(String externalReference);

	@Query(value = "SELECT nextval('failure_case_number_seq')", nativeQuery = true)
	long nextCaseSequence();

}
