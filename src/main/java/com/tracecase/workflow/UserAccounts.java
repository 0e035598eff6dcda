package com.tracecase.workflow;

import java.util.Set;

/**
 * User accounts of the people who work cases (the engine's identity service keeps them;
 * Tasklist, Cockpit and the API log in against it).
 */
public interface UserAccounts {

	/**
	 * Creates a user and makes it a member of the groups, unless a user with the id
	 * exists already (then nothing changes).
	 * @param id the login, must not be {@literal null}
	 * @param password the initial password, must not be {@literal null}
	 * @param groups ids of existing groups, e.g. from {@code shared.Groups}, must not be
	 * {@literal null}
	 * @return {@code true} when the user was created
	 * @throws IllegalArgumentException when a group does not exist
	 */
	boolean createUser(String id, String firstName, String lastName, String email, String password, Set<String> groups);

}
