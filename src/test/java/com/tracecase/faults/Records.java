package com.tracecase.faults;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a Tracecase database holds, read with plain SQL: cases, process instances, the
 * review tasks, the engine's job log and the mail outbox.
 */
final class Records {

	private final String url;

	Records(String url) {
		this.url = url;
	}

	/**
	 * The cases of each device whose serial number starts with this prefix (with or
	 * without an idempotency key: a report filed twice shows as two cases).
	 */
	Map<String, List<String>> casesBySerial(String serialPrefix) throws SQLException {
		Map<String, List<String>> cases = new TreeMap<>();
		query("SELECT serial_number, case_number FROM failure_case WHERE serial_number LIKE ?",
				rs -> cases.computeIfAbsent(rs.getString(1), key -> new ArrayList<>()).add(rs.getString(2)),
				serialPrefix + "%");
		return cases;
	}

	/** Failure-case process instances (running or ended) per case number. */
	Map<String, Integer> processesPerCase(Collection<String> caseNumbers) throws SQLException {
		Map<String, Integer> processes = new HashMap<>();
		query("SELECT business_key_, count(*) FROM act_hi_procinst WHERE proc_def_key_ = 'FailureCaseProcess'"
				+ " AND business_key_ = ANY (?) GROUP BY business_key_",
				rs -> processes.put(rs.getString(1), rs.getInt(2)), caseNumbers);
		return processes;
	}

	/** QC's review tasks created per case number. */
	Map<String, Integer> reviewsPerCase(Collection<String> caseNumbers) throws SQLException {
		Map<String, Integer> reviews = new HashMap<>();
		query("SELECT p.business_key_, count(*) FROM act_hi_taskinst t JOIN act_hi_procinst p"
				+ " ON p.proc_inst_id_ = t.proc_inst_id_ WHERE t.task_def_key_ = 'Task_ReviewInvestigation'"
				+ " AND p.business_key_ = ANY (?) GROUP BY p.business_key_",
				rs -> reviews.put(rs.getString(1), rs.getInt(2)), caseNumbers);
		return reviews;
	}

	/**
	 * Service tasks of these cases' processes that ran (and committed) more than once for
	 * the same instance: a job run twice.
	 */
	List<String> serviceTasksRunTwice(Collection<String> caseNumbers) throws SQLException {
		List<String> twice = new ArrayList<>();
		query("SELECT p.business_key_, a.act_id_, count(*) FROM act_hi_actinst a JOIN act_hi_procinst p"
				+ " ON p.proc_inst_id_ = a.proc_inst_id_ WHERE a.act_type_ = 'serviceTask' AND p.business_key_ = ANY (?)"
				+ " GROUP BY p.business_key_, a.act_id_ HAVING count(*) > 1",
				rs -> twice.add(rs.getString(1) + " " + rs.getString(2) + " x" + rs.getInt(3)), caseNumbers);
		return twice;
	}

	/** Jobs with more than one successful run in the engine's job log. */
	List<String> jobsSucceededTwice() throws SQLException {
		List<String> twice = new ArrayList<>();
		query("SELECT job_id_, job_def_type_, count(*) FROM act_hi_job_log WHERE job_state_ = 2"
				+ " GROUP BY job_id_, job_def_type_ HAVING count(*) > 1",
				rs -> twice.add(rs.getString(1) + " " + rs.getString(2) + " x" + rs.getInt(3)));
		return twice;
	}

	/** Successful job runs per engine host name. */
	Map<String, Integer> successfulJobsPerHost() throws SQLException {
		Map<String, Integer> jobs = new TreeMap<>();
		query("SELECT hostname_, count(*) FROM act_hi_job_log WHERE job_state_ = 2 GROUP BY hostname_",
				rs -> jobs.put(rs.getString(1), rs.getInt(2)));
		return jobs;
	}

	/** Jobs that failed at least once (a run that threw), per job type. */
	int failedJobRuns() throws SQLException {
		return (int) count("SELECT count(*) FROM act_hi_job_log WHERE job_state_ = 1");
	}

	long incidents() throws SQLException {
		return count("SELECT count(*) FROM act_ru_incident");
	}

	/** The outbox messages of these cases: subject, recipient and status. */
	List<OutboxMessage> outbox(Collection<String> caseNumbers) throws SQLException {
		List<OutboxMessage> messages = new ArrayList<>();
		query("SELECT m.id, n.subject, m.recipient, m.status, m.attempts FROM notification n"
				+ " JOIN notification_message m ON m.notification_id = n.id WHERE n.case_number = ANY (?)",
				rs -> messages.add(new OutboxMessage(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getInt(5))),
				caseNumbers);
		return messages;
	}

	long count(String sql, Object... parameters) throws SQLException {
		long[] count = new long[1];
		query(sql, rs -> count[0] = rs.getLong(1), parameters);
		return count[0];
	}

	/**
	 * Repeats a read until it holds or the time is up; the database may be away for a
	 * moment.
	 * @return whether it held in time
	 */
	boolean await(Duration timeout, Check check) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			try {
				if (check.holds()) {
					return true;
				}
			}
			catch (SQLException away) {
				// try again
			}
			Thread.sleep(500);
		}
		return false;
	}

	private void query(String sql, Row row, Object... parameters) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url, FaultDatabase.USER, FaultDatabase.PASSWORD);
				PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				if (parameters[i] instanceof Collection<?> values) {
					Array array = connection.createArrayOf("varchar", values.toArray());
					statement.setArray(i + 1, array);
				}
				else {
					statement.setObject(i + 1, parameters[i]);
				}
			}
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					row.read(rs);
				}
			}
		}
	}

	record OutboxMessage(long id, String subject, String recipient, String status, int attempts) {
	}

	@FunctionalInterface
	interface Row {

		void read(ResultSet rs) throws SQLException;

	}

	@FunctionalInterface
	interface Check {

		boolean holds() throws SQLException;

	}

}
