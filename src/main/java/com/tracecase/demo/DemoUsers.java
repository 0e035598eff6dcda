package com.tracecase.demo;

import java.util.List;
import java.util.Set;

import com.tracecase.shared.Groups;
import com.tracecase.workflow.UserAccounts;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo users, one per group, each with its name as password. Only in the demo run: no
 * profile active (the default run) or the {@code demo} profile; never with {@code prod},
 * {@code postgres} or any other profile alone.
 */
@Component
@Profile("(default | demo) & !prod")
@ConditionalOnProperty(name = "tracecase.demo.users", havingValue = "true")
@Order(5)
class DemoUsers implements ApplicationRunner {

	record DemoUser(String id, String firstName, String lastName, String groupId) {
	}

	static final List<DemoUser> USERS = List.of(new DemoUser("cs.agent", "Casey", "Service", Groups.CUSTOMER_SERVICE),
			new DemoUser("qc.engineer", "Quinn", "Carter", Groups.QC),
			new DemoUser("prod.planner", "Pat", "Planner", Groups.PRODUCTION),
			new DemoUser("finance.approver", "Fran", "Approver", Groups.FINANCE),
			new DemoUser("ops.manager", "Morgan", "Ops", Groups.MANAGERS));

	private final UserAccounts accounts;

	DemoUsers(UserAccounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public void run(ApplicationArguments args) {
		for (DemoUser demo : USERS) {
			accounts.createUser(demo.id(), demo.firstName(), demo.lastName(), demo.id() + "@tracecase.example",
					demo.id(), Set.of(demo.groupId()));
		}
	}

}
