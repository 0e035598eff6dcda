package com.tracecase.workflow.supplier;

import java.sql.Timestamp;
import java.time.Instant;

import com.tracecase.TracecaseIntegrationTest;
import com.tracecase.genealogy.LotManagement;
import com.tracecase.notification.MailTemplate;
import com.tracecase.notification.Notifications;
import com.tracecase.quality.SupplierActionStatus;
import com.tracecase.quality.SupplierCorrectiveAction;
import com.tracecase.quality.SupplierManagement;
import com.tracecase.workflow.SupplierActionDriver;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corrective action recorded before actions had a process of their own (an {@code OPEN}
 * row, migrated to requested) gets its process at startup, which mails the request once;
 * an action with a process is left alone.
 */
@TracecaseIntegrationTest
class ResumeSupplierActionsTests {

	@Autowired
	ResumeSupplierActions resume;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ProcessEngine engine;

	@Autowired
	LotManagement lots;

	@Autowired
	SupplierManagement suppliers;

	@Autowired
	Notifications notifications;

	@Test
	void aRequestRecordedBeforeTheLoopExistedIsMailedOnceAfterTheUpgrade() {
		SupplierActionDriver plant = new SupplierActionDriver(engine, lots, suppliers).withContact();
		// as the migration leaves a request the containment recorded before
		Long id = jdbc.queryForObject("""
				INSERT INTO supplier_corrective_action (containment_reference, supplier, lot_code, part_number,
				                                        description, status, requested_at)
				VALUES (?, ?, ?, ?, 'Lot contained by qc.engineer: swollen cells', 'REQUESTED', ?) RETURNING id""",
				Long.class, "CT-" + plant.lot, plant.supplier, plant.lot, plant.part, Timestamp.from(Instant.now()));
		SupplierCorrectiveAction action = suppliers.action(id);
		assertThat(plant.process(action)).isNull();

		assertThat(resume.resume()).isGreaterThanOrEqualTo(1);
		assertThat(plant.process(action)).isNotNull();
		// a second start (another node, a restart) starts nothing for it
		resume.resume();
		assertThat(engine.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(action.getReference())
			.count()).isEqualTo(1);

		plant.runJobs(action);
		assertThat(suppliers.action(id).getStatus()).isEqualTo(SupplierActionStatus.AWAITING_ANSWER);
		assertThat(notifications.mailsOf(action.getReference())).singleElement()
			.satisfies(mail -> assertThat(mail.template()).isEqualTo(MailTemplate.SUPPLIER_ACTION_REQUEST));
	}

}
