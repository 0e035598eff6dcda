package com.tracecase.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class ProductionSafetyCheckTests {

	@Test
	void refusesTheDefaultAdminPassword() {
		assertThatIllegalStateException().isThrownBy(() -> new ProductionSafetyCheck("admin").afterPropertiesSet())
			.withMessageContaining("TRACECASE_ADMIN_PASSWORD");
		assertThatIllegalStateException().isThrownBy(() -> new ProductionSafetyCheck(" ").afterPropertiesSet());
	}

	@Test
	void acceptsAPasswordOfItsOwn() {
		assertThatNoException().isThrownBy(() -> new ProductionSafetyCheck("s3cret-Tr4ce").afterPropertiesSet());
	}

}
