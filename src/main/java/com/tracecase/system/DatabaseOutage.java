package com.tracecase.system;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

import org.hibernate.TransactionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure that is the database being away for a moment (stopped, restarted, a
 * connection cut) from an error of ours, wherever it surfaces: in a repository, in the
 * process engine (which wraps it in its own exceptions), in a rollback that finds the
 * connection gone, or in the sign-in before any controller. Such a request is answered
 * 503 with {@code Retry-After}, never 500.
 */
final class DatabaseOutage {

	static final String DETAIL = "The database is not available at the moment; the request was not carried out. "
			+ "Try again shortly.";

	static final String RETRY_AFTER_SECONDS = "5";

	private DatabaseOutage() {
	}

	/**
	 * @param failure any exception, may be {@literal null}
	 * @return whether it, or one of its causes, says the database cannot be reached
	 */
	static boolean causedBy(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
					|| cause instanceof TransientDataAccessResourceException
					|| cause instanceof RecoverableDataAccessException
					|| cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLNonTransientConnectionException
					|| cause instanceof SQLRecoverableException) {
				return true;
			}
			if (cause instanceof SQLException sql && connectionLost(sql.getSQLState())) {
				return true;
			}
			// a rollback that cannot reach the connection: the pool closed it as broken
			// (08006, 57P01), and the failure that said so is lost behind this one
			if (cause instanceof TransactionException && cause.getCause() instanceof SQLException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * SQLSTATE class 08 (connection exception) and the server shutting down or starting
	 * (57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now).
	 */
	private static boolean connectionLost(String state) {
		return state != null
				&& (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03"));
	}

}
