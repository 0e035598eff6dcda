package com.tracecase.casework.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A task on the home page leads to the page of what it is about, whichever process it
 * belongs to.
 */
class HomePagesTests {

	@Test
	void eachKindOfProcessLeadsToItsOwnPage() {
		assertThat(HomePages.pageOf("FC-2026-000042")).isEqualTo("/cases/FC-2026-000042");
		assertThat(HomePages.pageOf("SCA-17")).isEqualTo("/supplier-actions/17");
		assertThat(HomePages.pageOf("RC-2026-0003")).isEqualTo("/recalls/RC-2026-0003");
		assertThat(HomePages.pageOf("CT-U-BQ25895-TI-0002")).isEqualTo("/lots/U-BQ25895-TI-0002");
		assertThat(HomePages.pageOf("CT-A/B")).isEqualTo("/lots/A%2FB");
	}

}
