package com.tracecase.workflow.engine;

import com.tracecase.TracecaseIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job executor finds due jobs through an index on their due date, not by reading
 * every timer of every open case.
 */
@TracecaseIntegrationTest
class JobDueDateIndexTests {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theEnginesJobsAreIndexedByDueDate() {
		assertThat(jdbc.queryForList("SELECT indexdef FROM pg_indexes WHERE tablename = 'act_ru_job' AND indexname = ?",
				String.class, JobDueDateIndex.INDEX_NAME))
			.singleElement()
			.asString()
			.endsWith("(duedate_)");
	}

}
