package com.tracecase.casework;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * How a case needs attention, returns from it and is cancelled.
 */
class FailureCaseTests {

	private static final Instant NOW = Instant.parse("2026-03-02T10:15:30Z");

	private final FailureCase failureCase = new FailureCase(
			"FC-2026-000001", new FailureReport("HX2-000001", "Dana Miller", "dana@example.com", null,
					SymptomCategory.NO_POWER, "Dead after charging", null, ReportChannel.PHONE, null, null),
			null, "cs.agent", NOW);

	private static CaseAttention problem(String id, String step) {
		return new CaseAttention(id, step, "Lot L-1 does not exist.", NOW);
	}

	@Test
	void aFailedStepMakesAnOpenCaseNeedAttentionAndItsResolutionGivesItsStatusBack() {
		failureCase.startWork();

		assertThat(failureCase.needsAttention(problem("i-1", "Record the repair"))).isTrue();
		assertThat(failureCase.getStatus()).isEqualTo(CaseStatus.NEEDS_ATTENTION);
		assertThat(failureCase.getAttentions()).extracting(CaseAttention::step).containsExactly("Record the repair");

		assertThat(failureCase.attentionResolved("i-1")).isTrue();
		assertThat(failureCase.getStatus()).isEqualTo(CaseStatus.IN_PROGRESS);
		assertThat(failureCase.getAttentions()).isEmpty();
	}

	@Test
	void aReportedCaseReturnsToReportedUnlessWorkStartedMeanwhile() {
		failureCase.needsAttention(problem("i-1", "Trace the device"));
		failureCase.attentionResolved("i-1");
		assertThat(failureCase.getStatus()).isEqualTo(CaseStatus.REPORTED);

		failureCase.needsAttention(problem("i-2", "Notify QC"));
		failureCase.startWork();
		assertThat(failureCase.getStatus()).isEqualTo(CaseStatus.NEEDS_ATTENTION);
		failureCase.attentionResolved("i-2");
		assertThat(failureCase.getStatus()).isEqualTo(CaseStatus.IN_PROGRESS);
	}

	@Test
	void severalProblemsKeepTheCaseWaitingUntilAllAreSolved() {
		failureCase.startWork();
		failureCase.needsAttention(problem("i-1", "Notify QC"));
		failureCase.needsAttention(problem("i-2", "Check inventory"));

		failureCase.attentionResolved("i-1");
		assertThat(failureCase.getStatus()).isEqualTo(CaseStatus.NEEDS_ATTENTION);
		assertThat(failureCase.getAttentions()).extracting(CaseAttention::problemId).containsExactly("i-2");
		failureCase.attentionResolved("i-2");
		assertThat(failureCase.getStatus()).isEqualTo(CaseStatus.IN_PROGRESS);
	}

	@Test
	void theSameProblemReportedTwiceCountsOnce() {
		assertThat(failureCase.needsAttention(problem("i-1", "Notify QC"))).isTrue();
		assertThat(failureCase.needsAttention(problem("i-1", "Notify QC"))).isFalse();
		assertThat(failureCase.getAttentions()).hasSize(1);
		assertThat(failureCase.attentionResolved("unknown")).isFalse();
		assertThat(failureCase.getStatus()).isEqualTo(CaseStatus.NEEDS_ATTENTION);
	}

	@Test
	void aClosedCaseKeepsItsStatusButShowsTheProblem() {
		failureCase.close(CaseClosure.RESOLVED, "Repaired", NOW);

		failureCase.needsAttention(problem("i-1", "Send the closing mail"));
		assertThat(failureCase.getStatus()).isEqualTo(CaseStatus.CLOSED);
		assertThat(failureCase.getAttentions()).hasSize(1);
		failureCase.attentionResolved("i-1");
		assertThat(failureCase.getStatus()).isEqualTo(CaseStatus.CLOSED);
	}

	@Test
	void cancellingStopsTheCaseWithWhoAndWhyAndDropsItsProblems() {
		failureCase.startWork();
		failureCase.needsAttention(problem("i-1", "Record the repair"));

		assertThat(failureCase.cancel("admin", "Filed twice", NOW)).isTrue();
		assertThat(failureCase.getStatus()).isEqualTo(CaseStatus.CANCELLED);
		assertThat(failureCase.getCancelledBy()).isEqualTo("admin");
		assertThat(failureCase.getCancellationReason()).isEqualTo("Filed twice");
		assertThat(failureCase.getClosedAt()).isEqualTo(NOW);
		assertThat(failureCase.getAttentions()).isEmpty();

		// its process's incidents go away afterwards: the case stays cancelled
		failureCase.attentionResolved("i-1");
		assertThat(failureCase.getStatus()).isEqualTo(CaseStatus.CANCELLED);
		assertThat(failureCase.cancel("someone", "again", NOW)).isFalse();
		assertThat(failureCase.getCancelledBy()).isEqualTo("admin");
		failureCase.close(CaseClosure.RESOLVED, "late", NOW);
		assertThat(failureCase.getStatus()).isEqualTo(CaseStatus.CANCELLED);
		assertThatIllegalStateException().isThrownBy(() -> failureCase.correctSerial("HX2-000002"));
	}

	@Test
	void aClosedCaseIsNotCancelled() {
		failureCase.close(CaseClosure.NO_FAULT_FOUND, "No fault", NOW);

		assertThat(failureCase.cancel("admin", "Clean-up", NOW)).isFalse();
		assertThat(failureCase.getStatus()).isEqualTo(CaseStatus.CLOSED);
		assertThat(failureCase.getCancelledBy()).isNull();
	}

}
