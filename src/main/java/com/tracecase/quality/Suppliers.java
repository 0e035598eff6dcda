package com.tracecase.quality;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface Suppliers extends Repository<Supplier, Long> {

	Supplier save(Supplier supplier);

	Supplier saveAndFlush(Supplier supplier);

	Optional<Supplier> findById(Long id);

	@Query("select s from Supplier s where lower(s.name) = lower(:name)")
	Optional<Supplier> findByName(String name);

	List<Supplier> findAllByOrderByNameAsc();

}
