package com.tracecase.workflow.identity;

import java.util.List;

import com.tracecase.notification.GroupDirectory;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Group members' addresses for notifications, from the engine's identity service.
 */
@Component
class IdentityGroupDirectory implements GroupDirectory {

	private final IdentityService identityService;

	IdentityGroupDirectory(IdentityService identityService) {
		this.identityService = identityService;
	}

	@Override
	public List<String> emailAddresses(String groupId) {
		// a mail goes to the whole group whoever asks for it: the query must not be
		// narrowed by what the current engine user may read
		Authentication current = identityService.getCurrentAuthentication();
		identityService.clearAuthentication();
		try {
			return identityService.createUserQuery()
				.memberOfGroup(groupId)
				.orderByUserId()
				.asc()
				.list()
				.stream()
				.map(User::getEmail)
				.filter(StringUtils::hasText)
				.toList();
		}
		finally {
			if (current != null) {
				identityService.setAuthentication(current);
			}
		}
	}

}
