package com.tracecase.workflow.casefile;

import java.util.Optional;

import com.tracecase.casework.CaseManagement;
import com.tracecase.casework.FailureCase;
import com.tracecase.genealogy.Device;
import com.tracecase.genealogy.DeviceTrace;
import com.tracecase.genealogy.Genealogy;
import com.tracecase.genealogy.LotManagement;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

import static com.tracecase.workflow.FailureCaseProcess.*;
import static com.tracecase.workflow.ProcessVariables.requiredText;
import static com.tracecase.workflow.ProcessVariables.text;

/**
 * Task_TraceDevice: finds the unit in the genealogy and starts work on the case. The
 * evidence about its lots is the investigation's (Task_OpenInvestigation).
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

		lots.recordServiceEvent(serial, "REPORTED_FAILING",
				"Case " + caseNumber + ": " + text(execution, VAR_SYMPTOM_CATEGORY), failureCase.getReportedBy());
	}

}
