package com.tracecase.genealogy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LotStatusTests {

	@Test
	void consumedAndScrappedLotsAreFinal() {
		for (LotStatus next : LotStatus.values()) {
			assertThat(LotStatus.CONSUMED.canChangeTo(next)).isFalse();
			assertThat(LotStatus.SCRAPPED.canChangeTo(next)).isFalse();
		}
	}

	@Test
	void aShippedUnitOnlyComesBackAsReturned() {
		assertThat(LotStatus.SHIPPED.successors()).containsExactly(LotStatus.RETURNED);
		assertThat(LotStatus.RETURNED.canChangeTo(LotStatus.QUARANTINED)).isTrue();
		assertThat(LotStatus.RETURNED.canChangeTo(LotStatus.SHIPPED)).isTrue();
	}

	@Test
	void noStatusChangesToItself() {
		for (LotStatus status : LotStatus.values()) {
			assertThat(status.canChangeTo(status)).isFalse();
		}
	}

	@Test
	void outputsInProductionBecomeAvailableOrAreHeld() {
		assertThat(LotStatus.IN_PRODUCTION.successors()).containsExactlyInAnyOrder(LotStatus.AVAILABLE,
				LotStatus.QUARANTINED, LotStatus.SCRAPPED);
		assertThat(LotStatus.AVAILABLE.canChangeTo(LotStatus.IN_PRODUCTION)).isFalse();
	}

}
