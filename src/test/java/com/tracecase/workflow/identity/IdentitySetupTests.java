package com.tracecase.workflow.identity;

import com.tracecase.TracecaseIntegrationTest;
import com.tracecase.shared.Groups;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;

/**
 * The setup that runs on every start: it completes grants that lack a permission instead
 * of skipping them, and leaves one grant per group and resource.
 */
@TracecaseIntegrationTest
class IdentitySetupTests {

	@Autowired
	ProcessEngine engine;

	@Autowired
	IdentitySetup setup;

	@Test
	void aStartAddsThePermissionsAGrantLacksToTheGrantThatExists() {
		AuthorizationService authorizations = engine.getAuthorizationService();
		Authorization managers = managersOnProcessDefinitions();
		// as an older version left it: only READ
		managers.removePermission(Permissions.READ_HISTORY);
		managers.removePermission(Permissions.READ_INSTANCE);
		authorizations.saveAuthorization(managers);
		assertThat(authorizations.isUserAuthorized("x", java.util.List.of(Groups.MANAGERS), Permissions.READ_HISTORY,
				Resources.PROCESS_DEFINITION, ANY))
			.isFalse();

		setup.postProcessEngineBuild(engine);

		Authorization repaired = managersOnProcessDefinitions();
		assertThat(repaired.getId()).isEqualTo(managers.getId());
		assertThat(repaired.isPermissionGranted(Permissions.READ)).isTrue();
		assertThat(repaired.isPermissionGranted(Permissions.READ_HISTORY)).isTrue();
		assertThat(repaired.isPermissionGranted(Permissions.READ_INSTANCE)).isTrue();
		assertThat(repaired.isPermissionGranted(Permissions.READ_TASK)).isTrue();
	}

	private Authorization managersOnProcessDefinitions() {
		var grants = engine.getAuthorizationService()
			.createAuthorizationQuery()
			.groupIdIn(Groups.MANAGERS)
			.resourceType(Resources.PROCESS_DEFINITION)
			.resourceId(ANY)
			.list();
		assertThat(grants).hasSize(1);
		return grants.get(0);
	}

}
