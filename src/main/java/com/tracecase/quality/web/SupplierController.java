package com.tracecase.quality.web;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;

import com.tracecase.quality.Supplier;
import com.tracecase.quality.SupplierContact;
import com.tracecase.quality.SupplierManagement;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The supplier master data as JSON: everyone signed in reads it, QC, managers and
 * administrators add and change suppliers. A wrong field is a 422 naming it; a name
 * another supplier has is a 409.
 */
@RestController
@RequestMapping("/api/suppliers")
class SupplierController {

	private final SupplierManagement suppliers;

	SupplierController(SupplierManagement suppliers) {
		this.suppliers = suppliers;
	}

	@GetMapping
	List<SupplierView> suppliers() {
		return suppliers.suppliers().stream().map(SupplierView::of).toList();
	}

	@GetMapping("/{id}")
	SupplierView supplier(@PathVariable long id) {
		return SupplierView.of(suppliers.supplier(id));
	}

	@PostMapping
	@PreAuthorize(SupplierPages.MAY_EDIT)
	ResponseEntity<SupplierView> add(@RequestBody(required = false) SupplierContact contact, Principal principal) {
		Supplier supplier = suppliers.addSupplier(contact == null ? new SupplierContact(null, null, null) : contact,
				principal.getName());
		return ResponseEntity.created(URI.create("/api/suppliers/" + supplier.getId())).body(SupplierView.of(supplier));
	}

	@PutMapping("/{id}")
	@PreAuthorize(SupplierPages.MAY_EDIT)
	SupplierView update(@PathVariable long id, @RequestBody(required = false) SupplierContact contact,
			Principal principal) {
		return SupplierView.of(suppliers.updateSupplier(id,
				contact == null ? new SupplierContact(null, null, null) : contact, principal.getName()));
	}

	/**
	 * @param hasContact whether corrective action requests can be mailed
	 */
	record SupplierView(long id, String name, String contactName, String contactEmail, boolean hasContact,
			String updatedBy, Instant updatedAt) {

		static SupplierView of(Supplier s) {
			return new SupplierView(s.getId(), s.getName(), s.getContactName(), s.getContactEmail(), s.hasContact(),
					s.getUpdatedBy(), s.getUpdatedAt());
		}

	}

}
