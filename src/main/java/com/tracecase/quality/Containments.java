package com.tracecase.quality;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

interface Containments extends Repository<Containment, Long> {

	Containment save(Containment containment);

	Containment saveAndFlush(Containment containment);

	Optional<Containment> findByCaseNumber(String caseNumber);

	Optional<Containment> findByReference(String reference);

	List<Containment> findBySuspectLotCodeInOrderByIdAsc(Collection<String> lotCodes);

}
