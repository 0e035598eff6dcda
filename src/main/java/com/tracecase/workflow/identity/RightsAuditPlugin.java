package com.tracecase.workflow.identity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

import com.tracecase.audit.AuditAction;
import com.tracecase.audit.AuditSubject;
import com.tracecase.audit.AuditTrail;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextListener;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Copies the changes of users, groups, memberships and authorizations into the audit
 * trail as the engine logs them in its user operation log (Camunda Admin, the engine REST
 * API, the Java API as a signed-in user): in the engine's transaction, so the trail holds
 * a rights change exactly when the change itself committed, and answers it with the other
 * changes in one query, paged by the database.
 * <p>
 * The engine's own history handler stays in place; this one is added beside it.
 */
@Component
class RightsAuditPlugin extends AbstractProcessEnginePlugin {

	// looked up when first needed: the trail's beans come up after the engine's
	// configuration
	private final ObjectProvider<AuditTrail> trail;

	RightsAuditPlugin(ObjectProvider<AuditTrail> trail) {
		this.trail = trail;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null ? new ArrayList<>()
				: new ArrayList<>(configuration.getCustomHistoryEventHandlers());
		handlers.add(new RightsChanges());
		configuration.setCustomHistoryEventHandlers(handlers);
	}

	/**
	 * The engine hands over one event per changed property; they are gathered per command
	 * and written when the command closes, still inside its transaction, one entry per
	 * operation. A failed command writes nothing.
	 */
	private final class RightsChanges implements HistoryEventHandler {

		private final Map<CommandContext, Operations> open = Collections.synchronizedMap(new WeakHashMap<>());

		@Override
		public void handleEvent(HistoryEvent event) {
			if (!(event instanceof UserOperationLogEntryEventEntity entry) || subject(entry.getEntityType()) == null) {
				return;
			}
			CommandContext command = Context.getCommandContext();
			if (command == null) {
				record(List.of(entry));
				return;
			}
			open.computeIfAbsent(command, context -> {
				Operations operations = new Operations();
				context.registerCommandContextListener(operations);
				return operations;
			}).add(entry);
		}

		@Override
		public void handleEvents(List<HistoryEvent> events) {
			events.forEach(this::handleEvent);
		}

		private final class Operations implements CommandContextListener {

			private final Map<String, List<UserOperationLogEntryEventEntity>> byId = new LinkedHashMap<>();

			void add(UserOperationLogEntryEventEntity entry) {
				byId.computeIfAbsent(entry.getOperationId(), id -> new ArrayList<>()).add(entry);
			}

			@Override
			public void onCommandContextClose(CommandContext commandContext) {
				open.remove(commandContext);
				byId.values().forEach(RightsChanges.this::record);
			}

			@Override
			public void onCommandFailed(CommandContext commandContext, Throwable t) {
				open.remove(commandContext);
			}

		}

		private void record(List<UserOperationLogEntryEventEntity> properties) {
			UserOperationLogEntryEventEntity first = properties.get(0);
			Map<String, UserOperationLogEntryEventEntity> byName = new LinkedHashMap<>();
			properties.forEach(property -> byName.put(property.getProperty(), property));
			AuditSubject subject = subject(first.getEntityType());
			String operation = first.getOperationType();
			String user = value(byName, "userId");
			String group = value(byName, "groupId");
			AuditAction action;
			String key;
			String summary;
			String before = null;
			String after = null;
			switch (subject) {
				case USER -> {
					action = action(operation);
					key = user;
					summary = "User " + user + " " + done(operation);
				}
				case GROUP -> {
					action = action(operation);
					key = group;
					summary = "Group " + group + " " + done(operation);
				}
				case GROUP_MEMBERSHIP -> {
					boolean added = UserOperationLogEntry.OPERATION_TYPE_CREATE.equals(operation);
					action = added ? AuditAction.MEMBER_ADDED : AuditAction.MEMBER_REMOVED;
					key = user;
					summary = "User " + user + (added ? " added to group " : " removed from group ") + group;
					after = added ? group : null;
					before = added ? null : group;
				}
				default -> {
					action = action(operation);
					key = user != null ? user : group != null ? group : "*";
					String whom = user != null ? "user " + user : group != null ? "group " + group : "everyone";
					String resourceId = value(byName, "resourceId");
					UserOperationLogEntryEventEntity permissions = byName.get("permissions");
					before = permissions == null ? null : permissions.getOrgValue();
					after = permissions == null ? null : permissions.getNewValue();
					summary = "Authorization " + done(operation) + " for " + whom + " on " + value(byName, "resource")
							+ " " + (resourceId == null ? "*" : resourceId) + (after == null ? "" : ": " + after);
				}
			}
			trail.getObject()
				.record(first.getTimestamp().toInstant(), first.getUserId(), subject, key == null ? "?" : key, action,
						summary, before, after);
		}

	}

	private static AuditSubject subject(String entityType) {
		if (entityType == null) {
			return null;
		}
		return switch (entityType) {
			case EntityTypes.USER -> AuditSubject.USER;
			case EntityTypes.GROUP -> AuditSubject.GROUP;
			case EntityTypes.GROUP_MEMBERSHIP -> AuditSubject.GROUP_MEMBERSHIP;
			case EntityTypes.AUTHORIZATION -> AuditSubject.AUTHORIZATION;
			default -> null;
		};
	}

	private static AuditAction action(String operation) {
		return switch (operation) {
			case UserOperationLogEntry.OPERATION_TYPE_CREATE -> AuditAction.CREATED;
			case UserOperationLogEntry.OPERATION_TYPE_DELETE -> AuditAction.DELETED;
			case UserOperationLogEntry.OPERATION_TYPE_UNLOCK -> AuditAction.UNLOCKED;
			default -> AuditAction.UPDATED;
		};
	}

	private static String done(String operation) {
		return switch (operation) {
			case UserOperationLogEntry.OPERATION_TYPE_CREATE -> "created";
			case UserOperationLogEntry.OPERATION_TYPE_DELETE -> "deleted";
			case UserOperationLogEntry.OPERATION_TYPE_UNLOCK -> "unlocked";
			default -> "changed";
		};
	}

	private static String value(Map<String, UserOperationLogEntryEventEntity> properties, String name) {
		UserOperationLogEntryEventEntity property = properties.get(name);
		if (property == null) {
			return null;
		}
		return property.getNewValue() != null ? property.getNewValue() : property.getOrgValue();
	}

}
