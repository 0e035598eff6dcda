package com.tracecase.workflow.supplier;

import com.tracecase.quality.SupplierActionRequested;
import com.tracecase.quality.SupplierCorrectiveAction;
import com.tracecase.quality.SupplierManagement;
import org.camunda.bpm.engine.HistoryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static com.tracecase.workflow.SupplierActionProcess.PROCESS_KEY;

/**
 * Corrective actions recorded before they had a process of their own (migrated from
 * {@code OPEN}) were never mailed: at startup each gets its process, which mails the
 * request. One node does it at a time (a transaction-scoped advisory lock), and an action
 * that has a process is left alone.
 */
@Component
class ResumeSupplierActions {

	private static final Logger log = LoggerFactory.getLogger(ResumeSupplierActions.class);

	/** The advisory lock that keeps two nodes from starting the same processes. */
	private static final long LOCK = 0x5CA0_0001L;

	private final SupplierManagement suppliers;

	private final HistoryService history;

	private final StartSupplierActionProcess start;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	ResumeSupplierActions(SupplierManagement suppliers, HistoryService history, StartSupplierActionProcess start,
			JdbcTemplate jdbc, PlatformTransactionManager transactions) {
		this.suppliers = suppliers;
		this.history = history;
		this.start = start;
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
	}

	@EventListener(ApplicationReadyEvent.class)
	void onStartup() {
		resume();
	}

	/**
	 * @return how many processes it started, in one transaction
	 */
	int resume() {
		Integer started = transaction.execute(status -> startMissing());
		return started == null ? 0 : started;
	}

	private int startMissing() {
		if (!Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, LOCK))) {
			return 0;
		}
		int started = 0;
		for (SupplierCorrectiveAction action : suppliers.unsentActions()) {
			if (history.createHistoricProcessInstanceQuery()
				.processDefinitionKey(PROCESS_KEY)
				.processInstanceBusinessKey(action.getReference())
				.count() == 0) {
				start.on(new SupplierActionRequested(action.getId(), action.getReference(), action.getSupplier(),
						action.getLotCode(), action.getCaseNumber()));
				started++;
			}
		}
		if (started > 0) {
			log.info("{} supplier corrective actions recorded before their process existed now have one", started);
		}
		return started;
	}

}
