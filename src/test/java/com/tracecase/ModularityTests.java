package com.tracecase;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

	/** The capability modules: their rules, no engine and no demo. */
	private static final List<String> BUSINESS_MODULES = List.of("casework", "genealogy", "quality", "inventory",
			"finance", "notification", "audit");

	private final ApplicationModules modules = ApplicationModules.of(TracecaseApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	@Test
	void everyModuleDeclaresWhatItMayDependOn() {
		assertThat(modules.stream().map(module -> module.getIdentifier().toString())).containsExactlyInAnyOrder(
				"casework", "genealogy", "quality", "inventory", "finance", "notification", "workflow", "demo",
				"metrics", "shared", "system", "audit");
		modules.forEach(module -> assertThat(allowedDependencies(module.getBasePackage().getName()))
			.as("allowedDependencies of %s", module.getIdentifier())
			.doesNotContain(ApplicationModule.OPEN_TOKEN));
	}

	@Test
	void theWorkflowDrivesTheBusinessModulesAndNothingDrivesTheWorkflowButTheDemo() {
		assertThat(allowedDependencies("com.tracecase.workflow")).containsAll(BUSINESS_MODULES).doesNotContain("demo");
		for (String module : BUSINESS_MODULES) {
			assertThat(allowedDependencies("com.tracecase." + module)).as(module).doesNotContain("workflow", "demo");
		}
		assertThat(allowedDependencies("com.tracecase.shared")).isEmpty();
		// the demo uses public APIs only: named modules, never one of their internals
		assertThat(allowedDependencies("com.tracecase.demo")).containsExactlyInAnyOrder("genealogy", "quality",
				"workflow", "shared");
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules).writeDocumentation();
	}

	private static List<String> allowedDependencies(String modulePackage) {
		try {
			ApplicationModule module = Class.forName(modulePackage + ".package-info")
				.getAnnotation(ApplicationModule.class);
			return module == null ? List.of(ApplicationModule.OPEN_TOKEN) : Arrays.asList(module.allowedDependencies());
		}
		catch (ClassNotFoundException ex) {
			return List.of(ApplicationModule.OPEN_TOKEN);
		}
	}

}
