package com.tracecase.workflow.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * An index on the due date of the engine's jobs. Every open case keeps the review's two
 * timer jobs in {@code ACT_RU_JOB}, and the job executor looks for due jobs there on
 * every round: without an index each look reads every job (10 ms at ten thousand open
 * cases on a quiet machine, 24 ms under load), with it only the due ones (0.1 ms), so the
 * cost of a round follows the work due, not the cases open. The engine's schema has no
 * such index and the engine creates its schema after Tracecase's migrations, so it is
 * made here, once the engine is built and before its job executor starts.
 */
@Component
class JobDueDateIndex extends AbstractProcessEnginePlugin {

	static final String INDEX_NAME = "tracecase_job_due_date_idx";

	private static final Logger log = LoggerFactory.getLogger(JobDueDateIndex.class);

	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		DataSource dataSource = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
			.getDataSource();
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE INDEX IF NOT EXISTS " + INDEX_NAME + " ON act_ru_job (duedate_)");
		}
		catch (SQLException ex) {
			// e.g. another node creating it at the same moment: the jobs run without it
			log.warn("Could not create the index {} on the engine's jobs: {}", INDEX_NAME, ex.getMessage());
		}
	}

}
