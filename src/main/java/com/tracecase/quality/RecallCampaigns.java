package com.tracecase.quality;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * Recall campaigns, by reference.
 */
interface RecallCampaigns extends Repository<RecallCampaign, Long> {

	RecallCampaign saveAndFlush(RecallCampaign campaign);

	RecallCampaign save(RecallCampaign campaign);

	Optional<RecallCampaign> findById(Long id);

	Optional<RecallCampaign> findByReference(String reference);

	Optional<RecallCampaign> findByContainmentReference(String containmentReference);

	Optional<RecallCampaign> findByLotCodeAndStatus(String lotCode, RecallCampaignStatus status);

	List<RecallCampaign> findByLotCodeOrderByStartedAtDesc(String lotCode);

	List<RecallCampaign> findByOrderByStartedAtDesc(Pageable page);

	List<RecallCampaign> findByStatusOrderByStartedAtDesc(RecallCampaignStatus status, Pageable page);

	/**
	 * Campaigns that were open at some time from the first instant up to the second,
	 * oldest first.
	 */
	@Query("""
			SELECT c FROM RecallCampaign c WHERE c.startedAt < :to AND (c.closedAt IS NULL OR c.closedAt >= :from)
			ORDER BY c.startedAt""")
	List<RecallCampaign> openDuring(Instant from, Instant to);

	@Query(value = "SELECT nextval('recall_campaign_number_seq')", nativeQuery = true)
	long nextNumber();

}
