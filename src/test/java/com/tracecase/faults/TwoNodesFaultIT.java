package com.tracecase.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.tracecase.notification.internal.EmbeddedMailSink;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Tracecase nodes on one database, with reports filed on both: every case once, no
 * job run twice (both nodes' job executors and mail senders work the same tables), no
 * mail sent twice.
 */
class TwoNodesFaultIT {

	static final int CLIENTS = 8;

	static final int REPORTS_PER_CLIENT = 5;

	@Test
	void noJobRunsTwiceAndNoMailIsSentTwiceWithTwoNodesOnOneDatabase() throws Exception {
		Path directory = JarProcess.directory("two-nodes");
		Figures figures = new Figures("two-nodes");
		int reports = CLIENTS * REPORTS_PER_CLIENT;
		EmbeddedMailSink smtp = new EmbeddedMailSink(0);
		smtp.start();
		try (FaultDatabase database = new FaultDatabase(directory.resolve("postgres")).start();
				JarProcess a = JarProcess.onDatabase("node-a", directory.resolve("node-a"), database,
						node("node-a", smtp));
				JarProcess b = JarProcess.onDatabase("node-b", directory.resolve("node-b"), database,
						node("node-b", smtp))) {
			java.nio.file.Files.createDirectories(directory.resolve("node-a"));
			java.nio.file.Files.createDirectories(directory.resolve("node-b"));
			// one after the other: the first creates the schema
			figures.put("start node a", Figures.seconds(a.start()));
			figures.put("start node b", Figures.seconds(b.start()));
			List<JarProcess> nodes = List.of(a, b);
			Intake intake = new Intake();
			intake.importDevices(a.baseUrl(), reports);

			List<Intake.Answer> answers = Collections.synchronizedList(new ArrayList<>());
			ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
			long started = System.nanoTime();
			try {
				for (int c = 0; c < CLIENTS; c++) {
					int client = c;
					clients.submit(() -> {
						for (int n = client; n < reports; n += CLIENTS) {
							answers.add(intake.file(nodes.get(n % 2).baseUrl(), n));
						}
						return null;
					});
				}
			}
			finally {
				clients.shutdown();
				if (!clients.awaitTermination(180, TimeUnit.SECONDS)) {
					clients.shutdownNow();
				}
			}
			assertThat(answers).as("reports filed on both nodes")
				.hasSize(reports)
				.allMatch(answer -> answer.status() == 201 && answer.caseNumber() != null);

			Records records = a.records();
			Map<String, List<String>> casesByKey = records.casesBySerial(intake.prefix);
			assertThat(casesByKey).as("one case per device")
				.hasSize(reports)
				.allSatisfy((key, cases) -> assertThat(cases).hasSize(1));
			List<String> caseNumbers = answers.stream().map(Intake.Answer::caseNumber).toList();
			assertThat(caseNumbers).doesNotHaveDuplicates();
			assertThat(records.processesPerCase(caseNumbers)).as("one process per case")
				.hasSize(reports)
				.allSatisfy((caseNumber, processes) -> assertThat(processes).isEqualTo(1));
			boolean allAtReview = records.await(Duration.ofSeconds(150),
					() -> records.reviewsPerCase(caseNumbers).size() == reports);
			Duration untilReview = Duration.ofNanos(System.nanoTime() - started);
			assertThat(allAtReview).as("every case at QC's review within 150 s").isTrue();
			assertThat(records.reviewsPerCase(caseNumbers))
				.allSatisfy((caseNumber, reviews) -> assertThat(reviews).isEqualTo(1));
			assertThat(records.serviceTasksRunTwice(caseNumbers)).as("service tasks committed twice").isEmpty();
			assertThat(records.jobsSucceededTwice()).as("jobs that succeeded twice").isEmpty();
			Map<String, Integer> jobsPerHost = records.successfulJobsPerHost();

			boolean allSent = records.await(Duration.ofSeconds(60),
					() -> records.outbox(caseNumbers).stream().allMatch(m -> m.status().equals("SENT")));
			assertThat(allSent).as("every mail sent").isTrue();
			// two more sender rounds on each node: nothing is sent again
			Thread.sleep(6000);
			List<Records.OutboxMessage> outbox = records.outbox(caseNumbers);
			assertThat(outbox).as("mails of the cases").hasSizeGreaterThanOrEqualTo(reports);
			Map<String, Long> expected = outbox.stream()
				.collect(Collectors.groupingBy(m -> SmtpOutageFaultIT.address(m.recipient()) + " | " + m.subject(),
						Collectors.counting()));
			Map<String, Long> delivered = smtp.received()
				.stream()
				.flatMap(mail -> mail.to().stream().map(to -> SmtpOutageFaultIT.address(to) + " | " + mail.subject()))
				.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
			assertThat(delivered).as("mails received, per recipient and subject").isEqualTo(expected);
			assertThat(expected.values()).as("each outbox message once").allMatch(count -> count == 1);

			figures.put("clients", CLIENTS)
				.put("reports", reports)
				.put("reports filed per node",
						answers.stream()
							.collect(Collectors.groupingBy(answer -> nodes.get(answer.report() % 2).name(),
									Collectors.counting())))
				.put("successful job runs per node", jobsPerHost)
				.put("first report to every case at QC's review", Figures.seconds(untilReview))
				.put("mails in the outbox", outbox.size())
				.put("mails received", smtp.received().size())
				.put("jobs that succeeded twice", 0)
				.put("mails received twice", 0);
			figures.write();
		}
		finally {
			smtp.stop();
		}
	}

	private static String[] node(String name, EmbeddedMailSink smtp) {
		return new String[] { "--camunda.bpm.generic-properties.properties.hostname=" + name,
				"--tracecase.mail.smtp.host=127.0.0.1", "--tracecase.mail.smtp.port=" + smtp.port() };
	}

}
