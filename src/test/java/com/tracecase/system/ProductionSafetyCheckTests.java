package com.tracecase.system;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class ProductionSafetyCheckTests {

	private final ProductionSafetyCheck check = new ProductionSafetyCheck();

	@Test
	void prodRefusesTheDefaultAdminPassword() {
		assertThatIllegalStateException().isThrownBy(() -> check.postProcessEnvironment(prod("admin"), null))
			.withMessageContaining("TRACECASE_ADMIN_PASSWORD");
		assertThatIllegalStateException().isThrownBy(() -> check.postProcessEnvironment(prod(" "), null));
	}

	@Test
	void prodAcceptsAPasswordOfItsOwn() {
		assertThatNoException().isThrownBy(() -> check.postProcessEnvironment(prod("s3cret-Tr4ce"), null));
	}

	@Test
	void theDemoRunKeepsTheDemoPassword() {
		MockEnvironment defaultRun = new MockEnvironment().withProperty(ProductionSafetyCheck.ADMIN_PASSWORD, "admin");
		assertThatNoException().isThrownBy(() -> check.postProcessEnvironment(defaultRun, null));
		assertThatNoException().isThrownBy(() -> check.postProcessEnvironment(running("admin", "demo"), null));
		assertThatNoException()
			.isThrownBy(() -> check.postProcessEnvironment(running("admin", "postgres", "demo"), null));
	}

	@Test
	void everyRunOutsideTheDemoRefusesTheDefaultAdminPassword() {
		assertThatIllegalStateException()
			.isThrownBy(() -> check.postProcessEnvironment(running("admin", "postgres"), null))
			.withMessageContaining("TRACECASE_ADMIN_PASSWORD");
		assertThatNoException()
			.isThrownBy(() -> check.postProcessEnvironment(running("s3cret-Tr4ce", "postgres"), null));
	}

	private static MockEnvironment prod(String password) {
		return running(password, "prod");
	}

	private static MockEnvironment running(String password, String... profiles) {
		MockEnvironment environment = new MockEnvironment().withProperty(ProductionSafetyCheck.ADMIN_PASSWORD,
				password);
		environment.setActiveProfiles(profiles);
		return environment;
	}

}
