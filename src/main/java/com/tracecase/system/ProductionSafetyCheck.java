package com.tracecase.system;

import java.util.Set;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start a production instance whose initial administrator would get a
 * well-known password. It runs before any bean exists (registered in
 * {@code META-INF/spring.factories}): the engine creates the admin user when it starts
 * and never changes its password afterwards, so a later check would come too late.
 */
public class ProductionSafetyCheck implements EnvironmentPostProcessor {

	static final String ADMIN_PASSWORD = "camunda.bpm.admin-user.password";

	private static final Set<String> WELL_KNOWN_PASSWORDS = Set.of("", "admin", "demo", "password", "changeme");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.acceptsProfiles(Profiles.of("prod"))) {
			return;
		}
		String password = environment.getProperty(ADMIN_PASSWORD, "");
		if (WELL_KNOWN_PASSWORDS.contains(password.trim().toLowerCase())) {
			throw new IllegalStateException("The prod profile refuses to start with a default admin password: "
					+ "set TRACECASE_ADMIN_PASSWORD to a secret of your own.");
		}
	}

}
