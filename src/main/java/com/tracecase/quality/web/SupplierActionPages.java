package com.tracecase.quality.web;

import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.tracecase.genealogy.InputRules;
import com.tracecase.notification.Notifications;
import com.tracecase.quality.EightDAnswer;
import com.tracecase.quality.SupplierActionStatus;
import com.tracecase.quality.SupplierActionTasks;
import com.tracecase.quality.SupplierCorrectiveAction;
import com.tracecase.quality.SupplierManagement;
import com.tracecase.shared.InvalidInputException;
import com.tracecase.shared.StateConflictException;
import com.tracecase.shared.TextInput;
import com.tracecase.shared.WorkspacePage;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Supplier corrective actions: the list with status, supplier, lot and due date (overdue
 * ones marked), filtered by status, lot or overdue; one action with its request, the
 * supplier's 8D answer, QC's verification, its history, the mails it sent and its open
 * task. QC (and managers and administrators) enter the answer and the verdict there,
 * which completes the waiting task as them.
 */
@Controller
@WorkspacePage
class SupplierActionPages {

	/** Who works supplier actions: QC, managers and administrators. */
	static final String MAY_WORK = "hasAnyAuthority('GROUP_qc', 'GROUP_managers', 'GROUP_camunda-admin')";

	/** A task's page in Tasklist, before its id. */
	static final String TASKLIST_TASK = "/camunda/app/tasklist/default/#/?task=";

	private final SupplierManagement suppliers;

	private final SupplierActionTasks tasks;

	private final Notifications notifications;

	SupplierActionPages(SupplierManagement suppliers, SupplierActionTasks tasks, Notifications notifications) {
		this.suppliers = suppliers;
		this.tasks = tasks;
		this.notifications = notifications;
	}

	@GetMapping("/supplier-actions")
	String actions(@RequestParam(required = false) String status, @RequestParam(defaultValue = "false") boolean overdue,
			@RequestParam(required = false) String lot, Model model) {
		SupplierActionStatus chosen = null;
		try {
			chosen = status(status);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("filterError", ex.getMessage());
		}
		model.addAttribute("actions",
				list(suppliers, chosen, overdue, lot).stream()
					.map(action -> SupplierActionView.of(action, suppliers.today()))
					.toList());
		model.addAttribute("statuses", SupplierActionStatus.values());
		model.addAttribute("status", chosen);
		model.addAttribute("overdue", overdue);
		model.addAttribute("lot", StringUtils.hasText(lot) ? lot.strip() : null);
		return "quality/supplier-actions";
	}

	@GetMapping("/supplier-actions/{id}")
	String action(@PathVariable long id, Model model) {
		SupplierCorrectiveAction action = suppliers.action(id);
		model.addAttribute("action", SupplierActionView.of(action, suppliers.today()));
		model.addAttribute("openTask", tasks.openTask(action.getReference()).orElse(null));
		model.addAttribute("tasklist", TASKLIST_TASK);
		model.addAttribute("mails", notifications.mailsOf(action.getReference()));
		model.addAttribute("waitingForAnswer", action.getStatus().waitingForSupplier());
		model.addAttribute("waitingForVerdict", action.getStatus() == SupplierActionStatus.ANSWERED);
		if (!model.containsAttribute("entered")) {
			model.addAttribute("entered", Map.of());
		}
		return "quality/supplier-action";
	}

	@PostMapping("/supplier-actions/{id}/answer")
	@PreAuthorize(MAY_WORK)
	String answer(@PathVariable long id, @RequestParam(required = false) String containmentAction,
			@RequestParam(required = false) String rootCause, @RequestParam(required = false) String correctiveAction,
			@RequestParam(required = false) String preventiveAction, Principal principal, Model model,
			RedirectAttributes redirect) {
		try {
			suppliers.submitAnswer(id,
					new EightDAnswer(containmentAction, rootCause, correctiveAction, preventiveAction),
					principal.getName());
			redirect.addFlashAttribute("done", "The supplier's 8D answer is recorded; QC verifies it next.");
			return "redirect:/supplier-actions/" + id;
		}
		catch (InvalidInputException | StateConflictException ex) {
			model.addAttribute("errors", violations(ex, "containmentAction"));
			model.addAttribute("entered", entered("containmentAction", containmentAction, "rootCause", rootCause,
					"correctiveAction", correctiveAction, "preventiveAction", preventiveAction));
			return action(id, model);
		}
	}

	@PostMapping("/supplier-actions/{id}/verdict")
	@PreAuthorize(MAY_WORK)
	String verdict(@PathVariable long id, @RequestParam(required = false) String verdict,
			@RequestParam(required = false) String rejectionReason, Principal principal, Model model,
			RedirectAttributes redirect) {
		try {
			Boolean verified = verdict == null ? null : switch (verdict) {
				case "VERIFIED" -> true;
				case "REJECTED" -> false;
				default -> null;
			};
			suppliers.submitVerdict(id, verified, rejectionReason, principal.getName());
			redirect.addFlashAttribute("done",
					Boolean.TRUE.equals(verified)
							? "The answer is verified and the corrective action closed; the supplier is told."
							: "The answer is rejected; the supplier is told why and owes a new answer.");
			return "redirect:/supplier-actions/" + id;
		}
		catch (InvalidInputException | StateConflictException ex) {
			model.addAttribute("errors", violations(ex, "answerVerdict"));
			model.addAttribute("entered", entered("verdict", verdict, "rejectionReason", rejectionReason));
			return action(id, model);
		}
	}

	/**
	 * The actions to list: overdue ones, a lot's, or the newest in a status.
	 */
	static List<SupplierCorrectiveAction> list(SupplierManagement suppliers, SupplierActionStatus status,
			boolean overdue, String lot) {
		TextInput.check("lot", "The lot", lot, InputRules.CODE_MAX_LENGTH, false);
		List<SupplierCorrectiveAction> found = overdue ? suppliers.overdueActions()
				: StringUtils.hasText(lot) ? suppliers.actionsOfLot(lot.strip()) : suppliers.actions(status);
		return found.stream()
			.filter(action -> status == null || action.getStatus() == status)
			.filter(action -> !StringUtils.hasText(lot) || action.getLotCode().equals(lot.strip()))
			.toList();
	}

	/**
	 * @param value a status code, blank for any
	 * @throws InvalidInputException naming the statuses when it is none of them
	 */
	static SupplierActionStatus status(String value) {
		if (!StringUtils.hasText(value)) {
			return null;
		}
		try {
			return SupplierActionStatus.valueOf(value.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("status", "'" + value.strip()
					+ "' is not a status of a supplier action; choose one of "
					+ Arrays.stream(SupplierActionStatus.values()).map(Enum::name).collect(Collectors.joining(", "))
					+ ".");
		}
	}

	private static List<InvalidInputException.Violation> violations(RuntimeException ex, String field) {
		if (ex instanceof InvalidInputException invalid && !invalid.violations().isEmpty()) {
			return invalid.violations();
		}
		return List.of(new InvalidInputException.Violation(field, ex.getMessage()));
	}

	private static Map<String, String> entered(String... keysAndValues) {
		Map<String, String> entered = new java.util.HashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			entered.put(keysAndValues[i], keysAndValues[i + 1] == null ? "" : keysAndValues[i + 1]);
		}
		return entered;
	}

}
