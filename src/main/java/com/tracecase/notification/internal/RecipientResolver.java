package com.tracecase.notification.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.tracecase.notification.GroupDirectory;
import com.tracecase.notification.Recipient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Turns recipients into addresses: a group into its members' addresses and its
 * distribution list, each address once.
 */
@Component
public class RecipientResolver {

	private final ObjectProvider<GroupDirectory> directory;

	private final Map<String, String> distributionLists;

	RecipientResolver(ObjectProvider<GroupDirectory> directory, NotificationProperties properties) {
		this.directory = directory;
		this.distributionLists = properties.distributionLists();
	}

	/**
	 * @param recipients the recipients, must not be {@literal null}
	 * @return the addresses in order, and the groups that have none
	 */
	public Resolution resolve(List<Recipient> recipients) {
		Map<String, String> addresses = new LinkedHashMap<>();
		Map<String, String> groupOf = new LinkedHashMap<>();
		List<String> emptyGroups = new ArrayList<>();
		for (Recipient recipient : recipients) {
			if (recipient instanceof Recipient.Address address) {
				add(addresses, address.email());
			}
			else if (recipient instanceof Recipient.Group group) {
				List<String> found = new ArrayList<>();
				directory.ifAvailable(groups -> found.addAll(groups.emailAddresses(group.groupId())));
				found.addAll(split(distributionLists.get(group.groupId())));
				if (found.stream().noneMatch(address -> address != null && !address.isBlank())) {
					emptyGroups.add(group.groupId());
				}
				found.forEach(address -> {
					if (add(addresses, address)) {
						groupOf.put(address.strip(), group.groupId());
					}
				});
			}
		}
		return new Resolution(List.copyOf(addresses.values()), Map.copyOf(groupOf), List.copyOf(emptyGroups));
	}

	/**
	 * @return whether the address is new
	 */
	private static boolean add(Map<String, String> addresses, String address) {
		return address != null && !address.isBlank()
				&& addresses.putIfAbsent(address.strip().toLowerCase(Locale.ROOT), address.strip()) == null;
	}

	private static List<String> split(String list) {
		return (list == null) ? List.of() : Arrays.stream(list.split("[,;]")).map(String::strip).toList();
	}

	/**
	 * @param addresses distinct addresses, compared without case
	 * @param groups the group each address was found in, for addresses of a group
	 * @param emptyGroups groups without a member address and without a distribution list
	 */
	public record Resolution(List<String> addresses, Map<String, String> groups, List<String> emptyGroups) {

		/**
		 * @return the group the address was found in, {@literal null} for an address
		 * named directly
		 */
		public String groupOf(String address) {
			return groups.get(address);
		}

	}

}
