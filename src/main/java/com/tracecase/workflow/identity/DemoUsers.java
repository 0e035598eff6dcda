package com.tracecase.workflow.identity;

import java.util.List;

import com.tracecase.shared.Groups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo users, one per group, each with its name as password. Never in the
 * {@code prod} profile.
 */
@Component
@Profile("!prod")
@ConditionalOnProperty(name = "tracecase.demo.users", havingValue = "true")
@Order(2)
class DemoUsers extends AbstractProcessEnginePlugin {

	record DemoUser(String id, String firstName, String lastName, String groupId) {
	}

	static final List<DemoUser> USERS = List.of(new DemoUser("cs.agent", "Casey", "Service", Groups.CUSTOMER_SERVICE),
			new DemoUser("qc.engineer", "Quinn", "Carter", Groups.QC),
			new DemoUser("prod.planner", "Pat", "Planner", Groups.PRODUCTION),
			new DemoUser("finance.approver", "Fran", "Approver", Groups.FINANCE),
			new DemoUser("ops.manager", "Morgan", "Ops", Groups.MANAGERS));

	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		IdentityService identityService = engine.getIdentityService();
		for (DemoUser demo : USERS) {
			if (identityService.createUserQuery().userId(demo.id()).count() > 0) {
				continue;
			}
			User user = identityService.newUser(demo.id());
			user.setFirstName(demo.firstName());
			user.setLastName(demo.lastName());
			user.setEmail(demo.id() + "@tracecase.example");
			user.setPassword(demo.id());
			identityService.saveUser(user);
			identityService.createMembership(demo.id(), demo.groupId());
		}
	}

}
