package com.tracecase.workflow.casefile;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.tracecase.casework.CaseManagement;
import com.tracecase.casework.FailureCase;
import com.tracecase.genealogy.AtRiskLot;
import com.tracecase.genealogy.Device;
import com.tracecase.genealogy.DeviceTrace;
import com.tracecase.genealogy.Genealogy;
import com.tracecase.genealogy.LotManagement;
import com.tracecase.genealogy.PartKind;
import com.tracecase.genealogy.TracedLot;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

import static com.tracecase.workflow.FailureCaseProcess.*;
import static com.tracecase.workflow.ProcessVariables.requiredText;
import static com.tracecase.workflow.ProcessVariables.text;

/**
 * Task_TraceDevice: finds the unit in the genealogy and ranks its lots by failure
 * concentration over every report.
 */
@Component("traceDevice")
class TraceDeviceDelegate implements JavaDelegate {

	private final Genealogy genealogy;

	private final LotManagement lots;

	private final CaseManagement cases;

	TraceDeviceDelegate(Genealogy genealogy, LotManagement lots, CaseManagement cases) {
		this.genealogy = genealogy;
		this.lots = lots;
		this.cases = cases;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String caseNumber = requiredText(execution, VAR_CASE_NUMBER);
		String serial = requiredText(execution, VAR_SERIAL_NUMBER);
		Optional<Device> found = genealogy.findDevice(serial);
		if (found.isEmpty()) {
			throw new BpmnError(ERROR_UNKNOWN_SERIAL, "Serial number '" + serial + "' is not a device we built.");
		}
		FailureCase failureCase = cases.get(caseNumber);
		if (!failureCase.getSerialNumber().equals(serial)) {
			cases.correctSerial(caseNumber, serial);
		}
		cases.startWork(caseNumber);
		DeviceTrace trace = genealogy.traceDevice(serial);
		Device device = trace.device();
		execution.setVariable(VAR_DEVICE_LOT_CODE, device.lotCode());
		execution.setVariable(VAR_PRODUCT_PART_NUMBER, device.partNumber());
		execution.setVariable(VAR_PRODUCT_DESCRIPTION, device.partDescription());
		execution.setVariable(VAR_BUILD_CODE, device.buildCode());
		execution.setVariable(VAR_COMPONENT_LOT_COUNT, trace.lots().size());

		// the most suspect purchased component lot of this unit, over every reported
		// unit: QC's starting point (the
		// unit's own sub-assemblies are in every answer and say nothing about a supplier)
		Set<String> reported = new LinkedHashSet<>(cases.otherReportedUnits(caseNumber).keySet());
		reported.add(serial);
		Set<String> unitComponentLots = trace.lots()
			.stream()
			.filter(lot -> lot.partKind() == PartKind.COMPONENT)
			.map(TracedLot::lotCode)
			.collect(Collectors.toSet());
		genealogy.atRisk(reported)
			.stream()
			.filter(lot -> unitComponentLots.contains(lot.lotCode()))
			.findFirst()
			.ifPresent(suspect -> setSuspect(execution, suspect));

		lots.recordServiceEvent(serial, "REPORTED_FAILING",
				"Case " + caseNumber + ": " + text(execution, VAR_SYMPTOM_CATEGORY), failureCase.getReportedBy());
	}

	private static void setSuspect(DelegateExecution execution, AtRiskLot suspect) {
		execution.setVariable(VAR_SUSPECT_LOT_CODE, suspect.lotCode());
		execution.setVariable(VAR_SUSPECT_PART_NUMBER, suspect.partNumber());
	}

}
