package com.tracecase.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kill -9} of Tracecase while eight clients file reports: after a restart on the
 * same data every acknowledged report has exactly one case and one process, a retry of an
 * unacknowledged one with the same key files it once, and every case reaches QC's review
 * (the killed node's jobs run again once their lock expires).
 */
class KillDuringIntakeFaultIT {

	static final int CLIENTS = 8;

	static final int REPORTS_PER_CLIENT = 8;

	@Test
	void everyAcknowledgedReportKeepsOneCaseAndOneProcessAfterKillNineWithTheEmbeddedDatabase() throws Exception {
		Path directory = JarProcess.directory("kill-embedded");
		try (JarProcess node = JarProcess.withEmbeddedDatabase("tracecase", directory)) {
			killDuringIntake(node, new Figures("kill-embedded"));
		}
	}

	@Test
	void everyAcknowledgedReportKeepsOneCaseAndOneProcessAfterKillNineWithAnExternalDatabase() throws Exception {
		Path directory = JarProcess.directory("kill-external");
		try (FaultDatabase database = new FaultDatabase(directory.resolve("postgres")).start();
				JarProcess node = JarProcess.onDatabase("tracecase", directory, database)) {
			killDuringIntake(node, new Figures("kill-external"));
		}
	}

	static void killDuringIntake(JarProcess node, Figures figures) throws Exception {
		int reports = CLIENTS * REPORTS_PER_CLIENT;
		figures.put("clients", CLIENTS).put("reports", reports);
		figures.put("first start", Figures.seconds(node.start()));
		Intake intake = new Intake();
		intake.importDevices(node.baseUrl(), reports);

		List<Intake.Answer> answers = Collections.synchronizedList(new ArrayList<>());
		AtomicBoolean killed = new AtomicBoolean();
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		try {
			for (int c = 0; c < CLIENTS; c++) {
				int client = c;
				clients.submit(() -> {
					for (int n = client; n < reports && !killed.get(); n += CLIENTS) {
						Intake.Answer answer = intake.file(node.baseUrl(), n);
						answers.add(answer);
						if (answer.status() == 0) {
							return null;
						}
					}
					return null;
				});
			}
			// kill once about a third is acknowledged, with the rest in flight or not yet
			// sent
			long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
			while (answers.stream().filter(Intake.Answer::acknowledged).count() < reports / 3
					&& System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
			killed.set(true);
			node.kill();
		}
		finally {
			clients.shutdown();
			if (!clients.awaitTermination(60, TimeUnit.SECONDS)) {
				clients.shutdownNow();
			}
		}
		long killedAt = System.nanoTime();
		Map<Integer, String> acknowledged = new TreeMap<>();
		answers.stream().filter(Intake.Answer::acknowledged).forEach(a -> acknowledged.put(a.report(), a.caseNumber()));
		assertThat(answers).as("answers before the kill").allMatch(a -> a.acknowledged() || a.status() == 0);
		assertThat(acknowledged).as("acknowledged before the kill").isNotEmpty().hasSizeLessThan(reports);
		figures.put("acknowledged before kill", acknowledged.size());
		figures.put("connections cut by kill", Intake.withStatus(answers, 0).size());

		figures.put("restart", Figures.seconds(node.start()));

		// every report again with its key: the acknowledged ones answer their case, the
		// others are filed once
		List<Intake.Answer> retries = new ArrayList<>();
		for (int n = 0; n < reports; n++) {
			retries.add(intake.file(node.baseUrl(), n));
		}
		assertThat(retries).as("retries after the restart").allMatch(Intake.Answer::acknowledged);
		for (Intake.Answer retry : retries) {
			if (acknowledged.containsKey(retry.report())) {
				assertThat(retry.status()).as("retry of acknowledged report %d", retry.report()).isEqualTo(200);
				assertThat(retry.caseNumber()).isEqualTo(acknowledged.get(retry.report()));
			}
		}
		long unacknowledgedButFiled = retries.stream()
			.filter(r -> !acknowledged.containsKey(r.report()) && r.status() == 200)
			.count();
		figures.put("unacknowledged but filed before kill (retry answered 200)", unacknowledgedButFiled);
		figures.put("filed by retry (201)", Intake.withStatus(retries, 201).size());

		Records records = node.records();
		Map<String, List<String>> casesByKey = records.casesBySerial(intake.prefix);
		assertThat(casesByKey).as("one case per device")
			.hasSize(reports)
			.allSatisfy((key, cases) -> assertThat(cases).hasSize(1));
		List<String> caseNumbers = casesByKey.values().stream().map(cases -> cases.get(0)).toList();
		assertThat(records.processesPerCase(caseNumbers)).as("one process per case")
			.hasSize(reports)
			.allSatisfy((caseNumber, processes) -> assertThat(processes).isEqualTo(1));

		boolean allAtReview = records.await(Duration.ofSeconds(150),
				() -> records.reviewsPerCase(caseNumbers).size() == reports);
		Duration untilReview = Duration.ofNanos(System.nanoTime() - killedAt);
		assertThat(allAtReview).as("every case at QC's review within 150 s of the kill").isTrue();
		assertThat(records.reviewsPerCase(caseNumbers))
			.allSatisfy((caseNumber, reviews) -> assertThat(reviews).isEqualTo(1));
		assertThat(records.serviceTasksRunTwice(caseNumbers)).as("service tasks committed twice").isEmpty();
		assertThat(records.incidents()).as("incidents").isZero();
		figures.put("kill to every case at QC's review", Figures.seconds(untilReview));
		figures.put("lock time of the killed node's jobs", "50 s");
		figures.write();
	}

}
