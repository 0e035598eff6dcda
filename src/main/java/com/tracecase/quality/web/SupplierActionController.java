package com.tracecase.quality.web;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import com.tracecase.quality.EightDAnswer;
import com.tracecase.quality.SupplierActionTasks;
import com.tracecase.quality.SupplierManagement;
import com.tracecase.shared.InvalidInputException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Supplier corrective actions as JSON. The 8D answer and QC's verdict complete the
 * action's waiting task as the caller, as Tasklist would; 409 when the action is not
 * waiting for that step.
 */
@RestController
@RequestMapping("/api/supplier-actions")
class SupplierActionController {

	private final SupplierManagement suppliers;

	private final SupplierActionTasks tasks;

	SupplierActionController(SupplierManagement suppliers, SupplierActionTasks tasks) {
		this.suppliers = suppliers;
		this.tasks = tasks;
	}

	@GetMapping
	List<SupplierActionView> actions(@RequestParam(required = false) String status,
			@RequestParam(defaultValue = "false") boolean overdue, @RequestParam(required = false) String lot) {
		return SupplierActionPages.list(suppliers, SupplierActionPages.status(status), overdue, lot)
			.stream()
			.map(action -> SupplierActionView.of(action, suppliers.today()))
			.toList();
	}

	@GetMapping("/{id}")
	Detail action(@PathVariable long id) {
		SupplierActionView action = SupplierActionView.of(suppliers.action(id), suppliers.today());
		return new Detail(action, tasks.openTask(action.reference()).orElse(null));
	}

	@PostMapping("/{id}/answer")
	@PreAuthorize(SupplierActionPages.MAY_WORK)
	Detail answer(@PathVariable long id, @RequestBody(required = false) EightDAnswer answer, Principal principal) {
		suppliers.submitAnswer(id, answer == null ? new EightDAnswer(null, null, null, null) : answer,
				principal.getName());
		return action(id);
	}

	@PostMapping("/{id}/verdict")
	@PreAuthorize(SupplierActionPages.MAY_WORK)
	Detail verdict(@PathVariable long id, @RequestBody(required = false) Verdict verdict, Principal principal) {
		try {
			suppliers.submitVerdict(id, verdict == null ? null : verdict.verified(),
					verdict == null ? null : verdict.reason(), principal.getName());
		}
		catch (InvalidInputException ex) {
			// the module names the Tasklist form's fields; this body calls them verdict
			// and reason
			throw new InvalidInputException(ex.getMessage(),
					ex.violations()
						.stream()
						.map(v -> new InvalidInputException.Violation(BODY_FIELDS.getOrDefault(v.field(), v.field()),
								v.message()))
						.toList());
		}
		return action(id);
	}

	/**
	 * The verdict's fields as the Tasklist form names them, to their names in this body.
	 */
	private static final Map<String, String> BODY_FIELDS = Map.of("answerVerdict", "verdict", "rejectionReason",
			"reason");

	/**
	 * @param verdict {@code VERIFIED} or {@code REJECTED}
	 * @param reason why it is rejected, required then; the supplier reads it
	 */
	record Verdict(String verdict, String reason) {

		Boolean verified() {
			if (verdict == null || verdict.isBlank()) {
				return null;
			}
			return switch (verdict.strip()) {
				case "VERIFIED" -> true;
				case "REJECTED" -> false;
				default -> throw new InvalidInputException("verdict",
						"The verdict '" + verdict + "' is neither VERIFIED nor REJECTED.");
			};
		}

	}

	/**
	 * @param action the action
	 * @param openTask its task in Tasklist, {@literal null} unless its process waits for
	 * a person
	 */
	record Detail(SupplierActionView action, SupplierActionTasks.OpenTask openTask) {
	}

}
