package com.tracecase.system;

import java.util.Set;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start, outside the demo run, an instance whose initial administrator would
 * get a well-known password. The demo run is a run with no profile (the default run) or
 * with the {@code demo} profile; {@code prod}, {@code postgres} or any other profile
 * alone needs {@code TRACECASE_ADMIN_PASSWORD}. It runs before any bean exists
 * (registered in {@code META-INF/spring.factories}): the engine creates the admin user
 * when it starts and never changes its password afterwards, so a later check would come
 * too late.
 */
public class ProductionSafetyCheck implements EnvironmentPostProcessor {

	static final String ADMIN_PASSWORD = "camunda.bpm.admin-user.password";

	private static final Set<String> WELL_KNOWN_PASSWORDS = Set.of("", "admin", "demo", "password", "changeme");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		boolean demoRun = !environment.acceptsProfiles(Profiles.of("prod"))
				&& environment.acceptsProfiles(Profiles.of("default | demo"));
		if (demoRun) {
			return;
		}
		String password = environment.getProperty(ADMIN_PASSWORD, "");
		if (WELL_KNOWN_PASSWORDS.contains(password.trim().toLowerCase())) {
			throw new IllegalStateException("Only the demo run starts with a default admin password (profiles "
					+ String.join(", ", environment.getActiveProfiles())
					+ " are active): set TRACECASE_ADMIN_PASSWORD to a secret of your own.");
		}
	}

}
