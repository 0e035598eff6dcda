package com.tracecase.inventory;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

interface Reservations extends Repository<Reservation, Long> {

	Reservation save(Reservation reservation);

	Optional<Reservation> findByCaseNumberAndPurpose(String caseNumber, ReservationPurpose purpose);

	List<Reservation> findByCaseNumber(String caseNumber);

	List<Reservation> findByCaseNumberAndStatus(String caseNumber, ReservationStatus status);

	/**
	 * The quantity that held reservations keep from each of the lots.
	 */
	@Query("""
			select r.lotCode as lotCode, sum(r.quantity) as quantity from Reservation r
			where r.status = com.tracecase.inventory.ReservationStatus.HELD and r.lotCode in :lotCodes
			group by r.lotCode""")
	List<HeldQuantity> heldQuantities(@Param("lotCodes") Collection<String> lotCodes);

	/**
	 * The quantity that held reservations keep from each of the part's lots: as many rows
	 * as the part has lots held, however large its stock.
	 */
	@Query("""
			select r.lotCode as lotCode, sum(r.quantity) as quantity from Reservation r
			where r.status = com.tracecase.inventory.ReservationStatus.HELD and r.partNumber = :partNumber
			group by r.lotCode""")
	List<HeldQuantity> heldQuantitiesOfPart(@Param("partNumber") String partNumber);

	/**
	 * Serializes reservations of one part until the transaction ends, so that two cases
	 * never both take the last unit: the second sees the first's reservation once it may
	 * go on.
	 * @return always 1
	 */
	@Query(value = "SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended('stock_reservation:' || :partNumber, 0))) AS locked",
			nativeQuery = true)
	int lockPart(@Param("partNumber") String partNumber);

	interface HeldQuantity {

		String getLotCode();

		BigDecimal getQuantity();

	}

}
