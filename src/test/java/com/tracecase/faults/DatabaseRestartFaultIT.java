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
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The external PostgreSQL stops and starts again while four clients file reports: every
 * request is answered 201/200 or a clear 503 problem detail (never a 500), clients that
 * retry with their key get every report filed, and afterwards nothing is lost or doubled.
 */
class DatabaseRestartFaultIT {

	static final int CLIENTS = 4;

	static final int REPORTS_PER_CLIENT = 12;

	static final int MAX_ATTEMPTS = 60;

	static final Duration DOWN = Duration.ofSeconds(5);

	@Test
	void clientsGetSuccessOrAClear503AndNothingIsLostOrDoubledWhenTheDatabaseRestarts() throws Exception {
		Path directory = JarProcess.directory("database-restart");
		Figures figures = new Figures("database-restart");
		int reports = CLIENTS * REPORTS_PER_CLIENT;
		try (FaultDatabase database = new FaultDatabase(directory.resolve("postgres")).start();
				JarProcess node = JarProcess.onDatabase("tracecase", directory, database)) {
			node.start();
			Intake intake = new Intake();
			intake.importDevices(node.baseUrl(), reports);

			List<Intake.Answer> answers = Collections.synchronizedList(new ArrayList<>());
			Map<Integer, String> acknowledged = Collections.synchronizedMap(new TreeMap<>());
			ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
			long restartedAt;
			Duration away;
			try {
				long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
				for (int c = 0; c < CLIENTS; c++) {
					int client = c;
					clients.submit(() -> {
						for (int n = client; n < reports; n += CLIENTS) {
							for (int attempt = 0; attempt < MAX_ATTEMPTS && System.nanoTime() < deadline; attempt++) {
								Intake.Answer answer = intake.file(node.baseUrl(), n);
								answers.add(answer);
								if (answer.acknowledged()) {
									acknowledged.put(n, answer.caseNumber());
									break;
								}
								Thread.sleep(1000);
							}
						}
						return null;
					});
				}
				long waitUntil = System.nanoTime() + Duration.ofSeconds(120).toNanos();
				while (acknowledged.size() < reports / 3 && System.nanoTime() < waitUntil) {
					Thread.sleep(20);
				}
				away = database.restart(DOWN);
				restartedAt = System.nanoTime();
			}
			finally {
				clients.shutdown();
				if (!clients.awaitTermination(200, TimeUnit.SECONDS)) {
					clients.shutdownNow();
				}
			}
			Duration untilAllAcknowledged = Duration.ofNanos(System.nanoTime() - restartedAt);

			Map<Integer, Long> statuses = answers.stream()
				.collect(Collectors.groupingBy(Intake.Answer::status, TreeMap::new, Collectors.counting()));
			figures.put("clients", CLIENTS)
				.put("reports", reports)
				.put("database away", Figures.seconds(away))
				.put("answers by status", statuses)
				.put("slowest answer", Figures
					.seconds(answers.stream().map(Intake.Answer::took).max(Duration::compareTo).orElse(Duration.ZERO)));
			assertThat(statuses.keySet()).as("statuses answered (%s)", statuses).isSubsetOf(200, 201, 503);
			assertThat(Intake.withStatus(answers, 503)).as("503 answers are problem details")
				.allMatch(a -> a.body().contains("\"status\":503") && a.body().contains("database"));
			assertThat(acknowledged).as("every report filed in the end").hasSize(reports);

			Records records = node.records();
			Map<String, List<String>> casesByKey = records.casesBySerial(intake.prefix);
			assertThat(casesByKey).as("one case per device")
				.hasSize(reports)
				.allSatisfy((key, cases) -> assertThat(cases).hasSize(1));
			for (Map.Entry<Integer, String> report : acknowledged.entrySet()) {
				assertThat(casesByKey.get(intake.serial(report.getKey()))).containsExactly(report.getValue());
			}
			List<String> caseNumbers = List.copyOf(acknowledged.values());
			assertThat(records.processesPerCase(caseNumbers)).as("one process per case")
				.hasSize(reports)
				.allSatisfy((caseNumber, processes) -> assertThat(processes).isEqualTo(1));
			boolean allAtReview = records.await(Duration.ofSeconds(120),
					() -> records.reviewsPerCase(caseNumbers).size() == reports);
			Duration untilReview = Duration.ofNanos(System.nanoTime() - restartedAt);
			assertThat(allAtReview).as("every case at QC's review within 120 s").isTrue();
			assertThat(records.reviewsPerCase(caseNumbers))
				.allSatisfy((caseNumber, reviews) -> assertThat(reviews).isEqualTo(1));
			assertThat(records.serviceTasksRunTwice(caseNumbers)).as("service tasks committed twice").isEmpty();
			figures.put("database back to every report acknowledged", Figures.seconds(untilAllAcknowledged))
				.put("database back to every case at QC's review", Figures.seconds(untilReview))
				.put("failed job runs (retried by the engine)", records.failedJobRuns())
				.put("incidents", records.incidents());
			figures.write();
		}
	}

}
