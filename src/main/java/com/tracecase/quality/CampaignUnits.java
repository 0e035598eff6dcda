package com.tracecase.quality;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * The units of recall campaigns.
 */
interface CampaignUnits extends Repository<CampaignUnit, Long> {

	CampaignUnit save(CampaignUnit unit);

	<S extends CampaignUnit> List<S> saveAll(Iterable<S> units);

	boolean existsByCampaignId(Long campaignId);

	Optional<CampaignUnit> findByCampaignIdAndLotCode(Long campaignId, String lotCode);

	Optional<CampaignUnit> findByCampaignIdAndSerialNumber(Long campaignId, String serialNumber);

	Page<CampaignUnit> findByCampaignIdOrderByIdAsc(Long campaignId, Pageable page);

	Page<CampaignUnit> findByCampaignIdAndStatusOrderByIdAsc(Long campaignId, RecallUnitStatus status, Pageable page);

	List<CampaignUnit> findByCampaignIdAndStatus(Long campaignId, RecallUnitStatus status);

	List<CampaignUnit> findByCampaignIdAndStatusIn(Long campaignId, List<RecallUnitStatus> statuses);

	List<CampaignUnit> findByCampaignIdOrderByIdAsc(Long campaignId);

	List<CampaignUnit> findBySerialNumberOrderByIdDesc(String serialNumber);

	/** Shipped units of the campaign not yet told whose customer has an address. */
	@Query("""
			SELECT u FROM CampaignUnit u
			WHERE u.campaignId = :campaignId AND u.status = com.tracecase.quality.RecallUnitStatus.TO_NOTIFY
			  AND u.customerEmail IS NOT NULL AND u.customerEmail <> ''
			ORDER BY u.id""")
	List<CampaignUnit> findToMail(Long campaignId, Pageable page);

	@Query("""
			SELECT count(u) FROM CampaignUnit u
			WHERE u.campaignId = :campaignId AND u.status = com.tracecase.quality.RecallUnitStatus.TO_NOTIFY
			  AND u.customerEmail IS NOT NULL AND u.customerEmail <> ''""")
	long countToMail(Long campaignId);

	/** Units of open campaigns with the serial number. */
	@Query("""
			SELECT u FROM CampaignUnit u, RecallCampaign c
			WHERE u.campaignId = c.id AND c.status = com.tracecase.quality.RecallCampaignStatus.OPEN
			  AND u.serialNumber = :serialNumber""")
	List<CampaignUnit> findOpenBySerialNumber(String serialNumber);

	/** Units of open campaigns by status: status, count. */
	@Query("""
			SELECT u.status, count(u) FROM CampaignUnit u, RecallCampaign c
			WHERE u.campaignId = c.id AND c.status = com.tracecase.quality.RecallCampaignStatus.OPEN
			GROUP BY u.status""")
	List<Object[]> countOpenByStatus();

	/** Units by campaign and status: campaign id, status, count. */
	@Query("""
			SELECT u.campaignId, u.status, count(u) FROM CampaignUnit u
			WHERE u.campaignId IN :campaignIds GROUP BY u.campaignId, u.status""")
	List<Object[]> countByStatus(List<Long> campaignIds);

}
