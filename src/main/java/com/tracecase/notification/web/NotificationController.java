package com.tracecase.notification.web;

import java.util.List;

import com.tracecase.notification.DeliveryStatus;
import com.tracecase.notification.NotificationMessage;
import com.tracecase.notification.Notifications;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The outbox for administrators and managers: what was sent, what failed, and retrying a
 * failed message.
 */
@RestController
@RequestMapping("/api/notifications")
@PreAuthorize("hasAnyAuthority('GROUP_camunda-admin', 'GROUP_managers')")
@Tag(name = "Notifications", description = "The mails Tracecase sent or tries to send (administrators, managers)")
class NotificationController {

	private final Notifications notifications;

	NotificationController(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping
	List<NotificationMessage> list(@RequestParam(required = false) DeliveryStatus status,
			@RequestParam(required = false) String caseNumber, @RequestParam(defaultValue = "100") int limit) {
		return notifications.messages(status, caseNumber, limit);
	}

	@GetMapping("/{id}")
	NotificationMessage get(@PathVariable long id) {
		return notifications.message(id);
	}

	@PostMapping(path = "/{id}/retry", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Send a failed mail again", description = "With a fresh set of attempts.")
	@ApiResponse(responseCode = "200", description = "Queued again: the message as it is now")
	@ApiResponse(responseCode = "422", description = "Only failed messages can be sent again")
	NotificationMessage retry(@PathVariable long id) {
		return notifications.retry(id);
	}

}
