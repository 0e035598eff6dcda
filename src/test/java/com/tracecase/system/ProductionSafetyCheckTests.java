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
	void otherProfilesKeepTheDemoPassword() {
		MockEnvironment demo = new MockEnvironment().withProperty(ProductionSafetyCheck.ADMIN_PASSWORD, "admin");
		assertThatNoException().isThrownBy(() -> check.postProcessEnvironment(demo, null));
	}

	private static MockEnvironment prod(String password) {
		MockEnvironment environment = new MockEnvironment().withProperty(ProductionSafetyCheck.ADMIN_PASSWORD,
				password);
		environment.setActiveProfiles("prod");
		return environment;
	}

}
