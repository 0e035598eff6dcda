package com.tracecase.quality;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

interface RecallDrills extends Repository<RecallDrill, Long> {

	RecallDrill save(RecallDrill drill);

	Optional<RecallDrill> findById(Long id);

	List<RecallDrill> findTop20ByLotCodeOrderByRunAtDesc(String lotCode);

}
