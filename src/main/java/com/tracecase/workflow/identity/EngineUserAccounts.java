package com.tracecase.workflow.identity;

import java.util.Set;

import com.tracecase.workflow.UserAccounts;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * User accounts in the engine's identity service.
 */
@Component
class EngineUserAccounts implements UserAccounts {

	private final IdentityService identityService;

	EngineUserAccounts(IdentityService identityService) {
		this.identityService = identityService;
	}

	@Override
	@Transactional
	public boolean createUser(String id, String firstName, String lastName, String email, String password,
			Set<String> groups) {
		if (identityService.createUserQuery().userId(id).count() > 0) {
			return false;
		}
		for (String group : groups) {
			if (identityService.createGroupQuery().groupId(group).count() == 0) {
				throw new IllegalArgumentException("Group '" + group + "' does not exist.");
			}
		}
		User user = identityService.newUser(id);
		user.setFirstName(firstName);
		user.setLastName(lastName);
		user.setEmail(email);
		user.setPassword(password);
		identityService.saveUser(user);
		groups.forEach(group -> identityService.createMembership(id, group));
		return true;
	}

}
