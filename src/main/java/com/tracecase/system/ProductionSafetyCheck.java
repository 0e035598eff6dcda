package com.tracecase.system;

import java.util.Set;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Refuses to start a production instance whose initial administrator still has a
 * well-known password.
 */
@Component
@Profile("prod")
class ProductionSafetyCheck implements InitializingBean {

	private static final Set<String> WELL_KNOWN_PASSWORDS = Set.of("", "admin", "demo", "password", "changeme");

	private final String adminPassword;

	ProductionSafetyCheck(@Value("${camunda.bpm.admin-user.password:}") String adminPassword) {
		this.adminPassword = adminPassword;
	}

	@Override
	public void afterPropertiesSet() {
		if (WELL_KNOWN_PASSWORDS.contains(adminPassword.trim().toLowerCase())) {
			throw new IllegalStateException("The prod profile refuses to start with a default admin password: "
					+ "set TRACECASE_ADMIN_PASSWORD to a secret of your own.");
		}
	}

}
