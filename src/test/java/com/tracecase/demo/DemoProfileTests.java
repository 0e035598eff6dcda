package com.tracecase.demo;

import java.util.ArrayList;
import java.util.List;

import com.tracecase.workflow.UserAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo exists only where it is asked for, and never in production.
 */
class DemoProfileTests {

	private final List<String> created = new ArrayList<>();

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withBean(UserAccounts.class, () -> (id, first, last, email, password, groups) -> created.add(id))
		.withUserConfiguration(DemoUsers.class, DemoPlant.class);

	@Test
	void theDefaultRunCreatesOneDemoUserPerGroupThroughUserAccounts() {
		context.withPropertyValues("tracecase.demo.users=true").run(run -> {
			assertThat(run).hasSingleBean(DemoUsers.class).doesNotHaveBean(DemoPlant.class);
			run.getBean(DemoUsers.class).run(new DefaultApplicationArguments());
		});
		assertThat(created).containsExactly("cs.agent", "qc.engineer", "prod.planner", "finance.approver",
				"ops.manager");
	}

	@Test
	void prodNeverCreatesDemoUsersOrDataWhateverTheSettings() {
		context
			.withPropertyValues("spring.profiles.active=prod", "tracecase.demo.users=true", "tracecase.demo.data=true")
			.run(run -> assertThat(run).doesNotHaveBean(DemoUsers.class).doesNotHaveBean(DemoPlant.class));
	}

	@Test
	void onlyTheDemoRunCreatesDemoUsersAndData() {
		context
			.withPropertyValues("spring.profiles.active=postgres", "tracecase.demo.users=true",
					"tracecase.demo.data=true")
			.run(run -> assertThat(run).doesNotHaveBean(DemoUsers.class).doesNotHaveBean(DemoPlant.class));
		context.withPropertyValues("spring.profiles.active=postgres,demo", "tracecase.demo.users=true")
			.run(run -> assertThat(run).hasSingleBean(DemoUsers.class));
		context.withPropertyValues("spring.profiles.active=prod,demo", "tracecase.demo.users=true")
			.run(run -> assertThat(run).doesNotHaveBean(DemoUsers.class));
	}

	@Test
	void switchedOffSettingsCreateNothing() {
		context.withPropertyValues("tracecase.demo.users=false", "tracecase.demo.data=false")
			.run(run -> assertThat(run).doesNotHaveBean(DemoUsers.class).doesNotHaveBean(DemoPlant.class));
	}

}
