package com.tracecase.quality;

import java.util.Optional;

import org.springframework.data.repository.Repository;

interface Containments extends Repository<Containment, Long> {

	Containment save(Containment containment);

	Optional<Containment> findByCaseNumber(String caseNumber);

}
