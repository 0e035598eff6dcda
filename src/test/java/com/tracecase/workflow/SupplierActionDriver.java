package com.tracecase.workflow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.tracecase.genealogy.LotManagement;
import com.tracecase.genealogy.NewLot;
import com.tracecase.genealogy.Part;
import com.tracecase.genealogy.PartKind;
import com.tracecase.quality.QualityManagement;
import com.tracecase.quality.SupplierContact;
import com.tracecase.quality.SupplierCorrectiveAction;
import com.tracecase.quality.SupplierManagement;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A supplier's lot of its own for each test, contained by QC, which raises a corrective
 * action against the supplier; drives the action's process as people and the job executor
 * would. Names carry a random prefix, so tests sharing the database never see each
 * other's suppliers or lots.
 */
public final class SupplierActionDriver {

	public final String p = "S" + UUID.randomUUID().toString().substring(0, 7).toUpperCase();

	public final String supplier = "Supplier " + p;

	public final String contactEmail = "quality-" + p.toLowerCase() + "@supplier.example";

	public final String part = p + "-CELL";

	public final String lot = p + "-CELL-L1";

	private final ProcessEngine engine;

	private final CaseDriver driver;

	private final SupplierManagement suppliers;

	public SupplierActionDriver(ProcessEngine engine, LotManagement lots, SupplierManagement suppliers) {
		this.engine = engine;
		this.driver = new CaseDriver(engine, null);
		this.suppliers = suppliers;
		lots.createPart(
				new Part(part, "Li-ion cell 18650", PartKind.COMPONENT, new BigDecimal("2.10"), supplier, false));
		lots.createLot(new NewLot(lot, part, supplier, "2611", new BigDecimal("500"), LocalDate.now().minusMonths(1),
				"R9", null, null));
	}

	/** Gives the supplier its contact in the master data. */
	public SupplierActionDriver withContact() {
		suppliers.addSupplier(new SupplierContact(supplier, "Kim Park", contactEmail), "qc.engineer");
		return this;
	}

	/**
	 * QC contains the lot on its own; its containment process asks the supplier for
	 * corrective action, whose process mails the request.
	 * @return the action as it is then
	 */
	public SupplierCorrectiveAction request(QualityManagement quality) {
		quality.requestContainment(lot, "Cells swell after two weeks", "qc.engineer");
		driver.runJobs("CT-" + lot);
		List<SupplierCorrectiveAction> actions = suppliers.actionsOfLot(lot);
		assertThat(actions).as("actions of " + lot).hasSize(1);
		runJobs(actions.get(0));
		return suppliers.action(actions.get(0).getId());
	}

	public void runJobs(SupplierCorrectiveAction action) {
		driver.runJobs(action.getReference());
	}

	public ProcessInstance process(SupplierCorrectiveAction action) {
		return engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceBusinessKey(action.getReference(), SupplierActionProcess.PROCESS_KEY)
			.singleResult();
	}

	public Task task(SupplierCorrectiveAction action, String taskKey) {
		return driver.task(action.getReference(), taskKey);
	}

	public void complete(SupplierCorrectiveAction action, String taskKey, String user, Map<String, Object> variables) {
		driver.complete(action.getReference(), taskKey, user, variables);
	}

	/** Fires the reminder timer now, as if its time had come, and runs what follows. */
	public void fireReminder(SupplierCorrectiveAction action) {
		Job timer = engine.getManagementService()
			.createJobQuery()
			.processInstanceId(process(action).getId())
			.activityId(SupplierActionProcess.TIMER_ANSWER_REMINDER)
			.timers()
			.singleResult();
		assertThat(timer).as("reminder timer").isNotNull();
		engine.getManagementService().executeJob(timer.getId());
		runJobs(action);
	}

	public static Map<String, Object> answer(String rootCause) {
		return Map.of(SupplierActionProcess.VAR_CONTAINMENT_ACTION, "Stock at our warehouse sorted and blocked",
				SupplierActionProcess.VAR_ROOT_CAUSE, rootCause, SupplierActionProcess.VAR_CORRECTIVE_ACTION,
				"Formation temperature limit tightened", SupplierActionProcess.VAR_PREVENTIVE_ACTION,
				"Temperature logging on every formation line");
	}

}
