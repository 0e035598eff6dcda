package com.tracecase.shared;

import java.util.Collection;
import java.util.List;

/**
 * The user groups of Tracecase. Group ids are shared by the identity service, task
 * candidate groups and the authorities of API users ({@code GROUP_<id>}).
 */
public final class Groups {

	public static final String CUSTOMER_SERVICE = "customer-service";

	public static final String QC = "qc";

	public static final String PRODUCTION = "production";

	public static final String FINANCE = "finance";

	public static final String MANAGERS = "managers";

	/**
	 * Camunda's administrators group, created by the engine for the initial admin user.
	 */
	public static final String ADMINS = "camunda-admin";

	/** The groups that work tasks, in the order they appear in Tasklist. */
	public static final List<String> WORK_GROUPS = List.of(CUSTOMER_SERVICE, QC, PRODUCTION, FINANCE, MANAGERS);

	/**
	 * The groups that deal with the customer and so see the customer's addresses:
	 * customer service, the managers and the administrators.
	 */
	public static final List<String> CUSTOMER_CONTACT = List.of(CUSTOMER_SERVICE, MANAGERS, ADMINS);

	private static final String AUTHORITY_PREFIX = "GROUP_";

	private Groups() {
	}

	/**
	 * The groups behind Spring Security authorities.
	 * @param authorities e.g. {@code GROUP_qc}; others are left out
	 * @return the group ids, e.g. {@code qc}, never {@literal null}
	 */
	public static List<String> fromAuthorities(Collection<String> authorities) {
		return authorities.stream()
			.filter(authority -> authority.startsWith(AUTHORITY_PREFIX))
			.map(authority -> authority.substring(AUTHORITY_PREFIX.length()))
			.toList();
	}

	/**
	 * The Spring Security authority held by members of the group.
	 * @param groupId a group id, must not be {@literal null}
	 * @return the authority, e.g. {@code GROUP_qc}
	 */
	public static String authority(String groupId) {
		return AUTHORITY_PREFIX + groupId;
	}

}
