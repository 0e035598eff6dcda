package com.tracecase.workflow.resolution;

import java.util.List;

import com.tracecase.genealogy.ReturnedMaterial;
import com.tracecase.inventory.InventoryManagement;
import com.tracecase.inventory.Reservation;
import com.tracecase.inventory.ReservationPurpose;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

import static com.tracecase.workflow.FailureCaseProcess.*;
import static com.tracecase.workflow.ProcessVariables.requiredText;
import static com.tracecase.workflow.ProcessVariables.text;

/**
 * Task_ReservePart and Task_ReserveReplacement: sets stock aside for the production task;
 * the step's input parameter {@code purpose} says which. The reserved lot prefills the
 * production form.
 */
@Component("reserveStock")
class ReserveStockDelegate implements JavaDelegate {

	private final InventoryManagement inventory;

	ReserveStockDelegate(InventoryManagement inventory) {
		this.inventory = inventory;
	}

	@Override
	public void execute(DelegateExecution execution) {
		ReservationPurpose purpose = ReservationPurpose.valueOf(requiredText(execution, "purpose"));
		String caseNumber = requiredText(execution, VAR_CASE_NUMBER);
		String suspectLot = text(execution, VAR_SUSPECT_LOT_CODE);
		List<String> excluded = suspectLot == null ? List.of() : List.of(suspectLot);
		if (purpose == ReservationPurpose.REPAIR_PART) {
			Reservation reservation = inventory
				.reserve(caseNumber, purpose, requiredText(execution, VAR_SUSPECT_PART_NUMBER), excluded, "tracecase")
				.orElseThrow(() -> noStock(execution, "No usable repair part in stock."));
			execution.setVariable(VAR_REPAIR_PART_LOT_CODE, reservation.getLotCode());
			execution.setVariable(VAR_INSTALLED_LOT_CODE, reservation.getLotCode());
			execution.setVariable(VAR_REMOVED_LOT_CODE, suspectLot);
			if (text(execution, VAR_REMOVED_PART_DISPOSITION) == null) {
				execution.setVariable(VAR_REMOVED_PART_DISPOSITION, ReturnedMaterial.defaultForRemovedPart().name());
			}
		}
		else {
			Reservation reservation = inventory
				.reserve(caseNumber, purpose, requiredText(execution, VAR_PRODUCT_PART_NUMBER), excluded, "tracecase")
				.orElseThrow(() -> noStock(execution, "No replacement unit in stock."));
			execution.setVariable(VAR_REPLACEMENT_LOT_CODE, reservation.getLotCode());
			execution.setVariable(VAR_REPLACEMENT_SERIAL, reservation.getSerialNumber());
		}
	}

	private static BpmnError noStock(DelegateExecution execution, String reason) {
		execution.setVariable(VAR_DECISION_REASON, reason);
		return new BpmnError(ERROR_NO_STOCK, reason);
	}

}
