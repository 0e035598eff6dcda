package com.tracecase;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "com.tracecase", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule onlyWorkflowKnowsTheProcessEngine = noClasses().that()
		.resideOutsideOfPackage("com.tracecase.workflow..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("org.camunda..")
		.because("capability modules know nothing about BPMN; the workflow module adapts them to the engine");

	@ArchTest
	static final ArchRule capabilityModulesDoNotCallTheWorkflow = noClasses().that()
		.resideOutsideOfPackages("com.tracecase.workflow..", "com.tracecase.demo..", "com.tracecase.metrics..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("com.tracecase.workflow..")
		.because("the workflow drives the modules, never the other way round (the demo creates its users "
				+ "through the workflow's public UserAccounts; metrics reads the workflow's public ProcessFigures)");

}
