package com.tracecase.workflow.identity;

import java.util.Map;

import com.tracecase.shared.Groups;
import com.tracecase.workflow.FailureCaseProcess;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;

/**
 * Creates the work groups, their authorizations and their Tasklist filters as soon as the
 * engine is built. Every step checks first, so restarts leave one of each.
 */
@Component
@Order(1)
class IdentitySetup extends AbstractProcessEnginePlugin {

	private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);

	private static final Map<String, String> GROUP_NAMES = Map.of(Groups.CUSTOMER_SERVICE, "Customer service",
			Groups.QC, "Quality control", Groups.PRODUCTION, "Production", Groups.FINANCE, "Finance", Groups.MANAGERS,
			"Managers");

	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		new Setup(engine).run();
		log.info("Groups, authorizations and task filters are in place");
	}

	private record Setup(IdentityService identity, AuthorizationService authorizations, FilterService filters,
			TaskService tasks) {

		Setup(ProcessEngine engine) {
			this(engine.getIdentityService(), engine.getAuthorizationService(), engine.getFilterService(),
					engine.getTaskService());
		}

		void run() {
			for (String groupId : Groups.WORK_GROUPS) {
				createGroup(groupId);
				grant(groupId, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
				grant(groupId, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
				grant(groupId, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
			}
			grant(Groups.CUSTOMER_SERVICE, Resources.PROCESS_DEFINITION, FailureCaseProcess.PROCESS_KEY,
					Permissions.READ, Permissions.CREATE_INSTANCE);
			grant(Groups.CUSTOMER_SERVICE, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
			grant(Groups.MANAGERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
			grant(Groups.MANAGERS, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_INSTANCE,
					Permissions.READ_HISTORY, Permissions.READ_TASK);
			grant(Groups.MANAGERS, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
			grant(Groups.MANAGERS, Resources.TASK, ANY, Permissions.READ, Permissions.UPDATE);
			grant(Groups.MANAGERS, Resources.DEPLOYMENT, ANY, Permissions.READ);
			// Cockpit's decision history and the engine REST API's historic decision
			// instances
			grant(Groups.MANAGERS, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
			grant(Groups.MANAGERS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);

			createFilter("My tasks", -10, "Tasks assigned to me",
					tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"),
					Groups.WORK_GROUPS.toArray(String[]::new));
			for (String groupId : Groups.WORK_GROUPS) {
				if (!Groups.MANAGERS.equals(groupId)) {
					String name = GROUP_NAMES.get(groupId);
					createFilter(name + " tasks", Groups.WORK_GROUPS.indexOf(groupId),
							"Open tasks for " + name.toLowerCase(),
							tasks.createTaskQuery().taskCandidateGroup(groupId).includeAssignedTasks(), groupId);
				}
			}
			createFilter("All open tasks", 10, "Every open task of every group", tasks.createTaskQuery(),
					Groups.MANAGERS);
		}

		private void createGroup(String groupId) {
			if (identity.createGroupQuery().groupId(groupId).count() == 0) {
				Group group = identity.newGroup(groupId);
				group.setName(GROUP_NAMES.get(groupId));
				group.setType("WORKFLOW");
				identity.saveGroup(group);
			}
		}

		/**
		 * Grants the permissions, adding those missing to the group's grant on the
		 * resource if one exists, so a grant made earlier (or by an older version) never
		 * hides a permission added later.
		 */
		private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
			Authorization authorization = authorizations.createAuthorizationQuery()
				.groupIdIn(groupId)
				.resourceType(resource)
				.resourceId(resourceId)
				.authorizationType(Authorization.AUTH_TYPE_GRANT)
				.list()
				.stream()
				.findFirst()
				.orElse(null);
			if (authorization == null) {
				authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
				authorization.setGroupId(groupId);
				authorization.setResource(resource);
				authorization.setResourceId(resourceId);
			}
			boolean changed = authorization.getId() == null;
			for (Permission permission : permissions) {
				if (!authorization.isPermissionGranted(permission)) {
					authorization.addPermission(permission);
					changed = true;
				}
			}
			if (changed) {
				authorizations.saveAuthorization(authorization);
			}
		}

		private void createFilter(String name, int priority, String description, TaskQuery query, String... groupIds) {
			Filter filter = filters.createFilterQuery().filterName(name).singleResult();
			if (filter == null) {
				filter = filters.newTaskFilter(name)
					.setQuery(query)
					.setProperties(Map.of("priority", priority, "description", description, "refresh", true));
				filters.saveFilter(filter);
			}
			for (String groupId : groupIds) {
				grant(groupId, Resources.FILTER, filter.getId(), Permissions.READ);
			}
		}

	}

}
