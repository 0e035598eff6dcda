package com.tracecase.quality.web;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import com.tracecase.quality.Supplier;
import com.tracecase.quality.SupplierContact;
import com.tracecase.quality.SupplierManagement;
import com.tracecase.shared.InvalidInputException;
import com.tracecase.shared.StateConflictException;
import com.tracecase.shared.WorkspacePage;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The suppliers, with the contact who receives corrective action requests; those without
 * one are marked. QC, managers and administrators add and change them.
 */
@Controller
@WorkspacePage
@PreAuthorize(SupplierPages.MAY_EDIT)
class SupplierPages {

	/** Who keeps the supplier master data: QC, managers and administrators. */
	static final String MAY_EDIT = "hasAnyAuthority('GROUP_qc', 'GROUP_managers', 'GROUP_camunda-admin')";

	private final SupplierManagement suppliers;

	SupplierPages(SupplierManagement suppliers) {
		this.suppliers = suppliers;
	}

	@GetMapping("/suppliers")
	String suppliers(Model model) {
		List<Supplier> all = suppliers.suppliers();
		model.addAttribute("suppliers", all);
		model.addAttribute("withoutContact", all.stream().filter(supplier -> !supplier.hasContact()).count());
		if (!model.containsAttribute("entered")) {
			model.addAttribute("entered", Map.of());
		}
		return "quality/suppliers";
	}

	@PostMapping("/suppliers")
	String add(@RequestParam(required = false) String name, @RequestParam(required = false) String contactName,
			@RequestParam(required = false) String contactEmail, Principal principal, Model model,
			RedirectAttributes redirect) {
		try {
			Supplier supplier = suppliers.addSupplier(new SupplierContact(name, contactName, contactEmail),
					principal.getName());
			redirect.addFlashAttribute("done", "Supplier " + supplier.getName() + " is added.");
			return "redirect:/suppliers";
		}
		catch (InvalidInputException | StateConflictException ex) {
			return failed(ex, "new", name, contactName, contactEmail, model);
		}
	}

	@PostMapping("/suppliers/{id}")
	String update(@PathVariable long id, @RequestParam(required = false) String name,
			@RequestParam(required = false) String contactName, @RequestParam(required = false) String contactEmail,
			Principal principal, Model model, RedirectAttributes redirect) {
		try {
			Supplier supplier = suppliers.updateSupplier(id, new SupplierContact(name, contactName, contactEmail),
					principal.getName());
			redirect.addFlashAttribute("done", "Supplier " + supplier.getName() + " is saved.");
			return "redirect:/suppliers";
		}
		catch (InvalidInputException | StateConflictException ex) {
			return failed(ex, String.valueOf(id), name, contactName, contactEmail, model);
		}
	}

	private String failed(RuntimeException ex, String form, String name, String contactName, String contactEmail,
			Model model) {
		model.addAttribute("errors", ex instanceof InvalidInputException invalid && !invalid.violations().isEmpty()
				? invalid.violations() : List.of(new InvalidInputException.Violation("name", ex.getMessage())));
		model.addAttribute("failedForm", form);
		model.addAttribute("entered", Map.of("name", name == null ? "" : name, "contactName",
				contactName == null ? "" : contactName, "contactEmail", contactEmail == null ? "" : contactEmail));
		return suppliers(model);
	}

}
