package com.tracecase.workflow.progress;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The diagram drawn from a model's diagram interchange: well-formed SVG, a group per
 * shape marked with where the case stands, names for people inside, text escaped.
 */
class BpmnSvgTests {

	@Test
	void theSupplierActionIsDrawnWithItsBoundaryTimerAndLoops() throws Exception {
		BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("bpmn/supplier-action.bpmn").toFile());
		String svg = BpmnSvg.draw(model, "SupplierActionProcess", "Supplier corrective action",
				Set.of("Task_RecordAnswer"), Set.of("Start_SupplierActionRequested", "Task_SendRequest"));

		Document document = parse(svg);
		assertThat(document.getElementsByTagName("g").getLength())
			.isEqualTo(model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.FlowNode.class).size());
		assertThat(classOf(document, "Task_RecordAnswer")).isEqualTo("step current");
		assertThat(classOf(document, "Task_SendRequest")).isEqualTo("step passed");
		assertThat(classOf(document, "Timer_AnswerReminder")).isEqualTo("step ahead");
		assertThat(document.getDocumentElement().getTextContent()).contains("Record the 8D answer")
			.contains("Mail the request to the supplier")
			.doesNotContain("${");
		assertThat(document.getElementsByTagName("polyline").getLength())
			.isEqualTo(model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.SequenceFlow.class).size());
	}

	@Test
	void theContainmentIsDrawnWithTheCurrentStepAndThePassedOnesMarked() throws Exception {
		BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("bpmn/containment.bpmn").toFile());
		String svg = BpmnSvg.draw(model, "ContainmentProcess", "Containment", Set.of("Task_ApproveFieldAction"),
				Set.of("Start_ContainmentRequested", "Task_QuarantineStock"));

		Document document = parse(svg);
		NodeList steps = document.getElementsByTagName("g");
		assertThat(steps.getLength()).isEqualTo(model.getModelElementsByType(FlowNode.class).size());
		assertThat(classOf(document, "Task_ApproveFieldAction")).isEqualTo("step current");
		assertThat(classOf(document, "Task_QuarantineStock")).isEqualTo("step passed");
		assertThat(classOf(document, "End_ContainmentDone")).isEqualTo("step ahead");
		assertThat(document.getDocumentElement().getTextContent()).contains("Decide on a field action")
			.contains("Quarantine stock built")
			.doesNotContain("${");
		assertThat(document.getElementsByTagName("polyline").getLength())
			.isEqualTo(model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.SequenceFlow.class).size());
	}

	@Test
	void namesAreEscapedAndExpressionsLeftOut() throws Exception {
		BpmnModelInstance model = Bpmn.createExecutableProcess("P")
			.startEvent("Start")
			.name("A <b>bold</b> & \"quoted\" start")
			.userTask("Task_Review")
			.name("Review investigation ${caseNumber} (${serialNumber})")
			.endEvent("End")
			.done();
		String svg = BpmnSvg.draw(model, "P", "<title>", Set.of("Task_Review"), Set.of("Start"));

		Document document = parse(svg);
		assertThat(document.getElementsByTagName("b").getLength()).isZero();
		assertThat(document.getDocumentElement().getTextContent()).contains("A <b>bold</b> & \"quoted\" start")
			.contains("Review investigation")
			.doesNotContain("caseNumber");
	}

	@Test
	void longNamesAreWrappedAtSpaces() {
		assertThat(BpmnSvg.wrap("Estimate repair and replacement costs", 15)).containsExactly("Estimate repair",
				"and replacement", "costs");
		assertThat(StepNames.plain("Decide on a field action for lot ${suspectLotCode} (${caseNumber})", "T"))
			.isEqualTo("Decide on a field action");
		assertThat(StepNames.plain("Identify the device for ${caseNumber}: serial ${serialNumber} is unknown", "T"))
			.isEqualTo("Identify the device: serial is unknown");
		assertThat(StepNames.plain("Review investigation ${caseNumber} (${serialNumber})", "T"))
			.isEqualTo("Review investigation");
		assertThat(StepNames.plain("Tell the customer: no fault found (${caseNumber})", "T"))
			.isEqualTo("Tell the customer: no fault found");
		assertThat(StepNames.plain("Approve the warranty cost of ${caseNumber}", "T"))
			.isEqualTo("Approve the warranty cost");
		assertThat(StepNames.plain("Close: no fault found", "T")).isEqualTo("Close: no fault found");
	}

	private static Document parse(String svg) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
	}

	private static String classOf(Document document, String step) {
		NodeList groups = document.getElementsByTagName("g");
		for (int i = 0; i < groups.getLength(); i++) {
			Element group = (Element) groups.item(i);
			if (step.equals(group.getAttribute("data-step"))) {
				return group.getAttribute("class");
			}
		}
		throw new AssertionError("No shape for " + step);
	}

}
