package com.tracecase.quality;

import java.util.Optional;

import org.springframework.data.repository.Repository;

interface Investigations extends Repository<Investigation, Long> {

	Investigation save(Investigation investigation);

	Optional<Investigation> findByCaseNumber(String caseNumber);

}
