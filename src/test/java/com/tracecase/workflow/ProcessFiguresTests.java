package com.tracecase.workflow;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessFiguresTests {

	@Test
	void aStepIsNamedForEveryCaseWithoutTheCaseItIsAbout() {
		assertThat(ProcessFigures.name("Review investigation ${caseNumber} (${serialNumber})", "Task_Review"))
			.isEqualTo("Review investigation");
		assertThat(ProcessFigures.name("Tell the customer: no fault found (${caseNumber})", "Task_Tell"))
			.isEqualTo("Tell the customer: no fault found");
		assertThat(ProcessFigures.name("Approve the warranty cost of ${caseNumber}", "Task_Approve"))
			.isEqualTo("Approve the warranty cost");
		assertThat(ProcessFigures.name("Decide on a field action for lot ${suspectLotCode} (${caseNumber})",
				"Task_FieldAction"))
			.isEqualTo("Decide on a field action");
		assertThat(ProcessFigures.name("Identify the device for ${caseNumber}: serial ${serialNumber} is unknown",
				"Task_Identify"))
			.isEqualTo("Identify the device");
		// names without an expression stay as they are
		assertThat(ProcessFigures.name("Close: no fault found", "Task_Close")).isEqualTo("Close: no fault found");
		assertThat(ProcessFigures.name("Proof of delivery", "Task_Proof")).isEqualTo("Proof of delivery");
		assertThat(ProcessFigures.name(null, "Task_Unnamed")).isEqualTo("Task_Unnamed");
		assertThat(ProcessFigures.name("${caseNumber}", "Task_OnlyAnExpression")).isEqualTo("Task_OnlyAnExpression");
	}

}
