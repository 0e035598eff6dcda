package com.tracecase.notification;

import java.util.List;

/**
 * Where group members' addresses come from. Group membership lives in the process
 * engine's identity service, so the {@code workflow} module implements this.
 */
public interface GroupDirectory {

	/**
	 * @param groupId a group id, must not be {@literal null}
	 * @return the email addresses of the group's members that have one, never
	 * {@literal null}; empty for an unknown group
	 */
	List<String> emailAddresses(String groupId);

}
