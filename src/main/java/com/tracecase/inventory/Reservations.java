package com.tracecase.inventory;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

interface Reservations extends Repository<Reservation, Long> {

	Reservation save(Reservation reservation);

	Optional<Reservation> findByCaseNumberAndPurpose(String caseNumber, ReservationPurpose purpose);

	List<Reservation> findByCaseNumber(String caseNumber);

}
