package com.tracecase.casework.web;

import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.tracecase.casework.CaseManagement;
import com.tracecase.casework.CustomerTier;
import com.tracecase.casework.FailureCase;
import com.tracecase.casework.FailureReport;
import com.tracecase.casework.ReportChannel;
import com.tracecase.casework.SymptomCategory;
import com.tracecase.shared.InvalidInputException;
import com.tracecase.shared.WorkspacePage;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Customer service files a failure report and sees the case number at once.
 */
@Controller
@WorkspacePage
@PreAuthorize("hasAnyAuthority('GROUP_customer-service', 'GROUP_camunda-admin')")
class ReportPages {

	/** The form's choices, as the sentence names them. */
	private static final Map<String, String> CHOICES = Map.of("symptomCategory", "symptom", "channel",
			"channel the report came in", "customerTier", "customer's tier");

	private final CaseManagement cases;

	ReportPages(CaseManagement cases) {
		this.cases = cases;
	}

	@GetMapping("/reports/new")
	String form(Model model) {
		model.addAttribute("report", new ReportForm());
		return form(model, List.of());
	}

	@PostMapping("/reports/new")
	String file(@ModelAttribute("report") ReportForm form, BindingResult binding, Principal principal, Model model,
			RedirectAttributes redirect) {
		List<InvalidInputException.Violation> errors = new ArrayList<>();
		// a choice that is not on the list (sent by hand): the field, in words
		for (FieldError error : binding.getFieldErrors()) {
			errors.add(new InvalidInputException.Violation(error.getField(),
					"Choose the " + CHOICES.getOrDefault(error.getField(), error.getField()) + " from the list."));
		}
		LocalDate purchaseDate = null;
		if (StringUtils.hasText(form.getPurchaseDate())) {
			try {
				purchaseDate = LocalDate.parse(form.getPurchaseDate().trim());
				if (purchaseDate.isAfter(LocalDate.now())) {
					errors.add(new InvalidInputException.Violation("purchaseDate",
							"The purchase date must be today or in the past."));
				}
			}
			catch (DateTimeParseException ex) {
				errors.add(new InvalidInputException.Violation("purchaseDate",
						"Enter the purchase date as a real date, for example 2026-03-01."));
			}
		}
		if (StringUtils.hasText(form.getCustomerEmail()) && !form.getCustomerEmail().contains("@")) {
			errors.add(new InvalidInputException.Violation("customer.email",
					"Enter the customer's email address in the correct format, like name@example.com."));
		}
		if (errors.isEmpty()) {
			try {
				FailureCase filed = cases.file(form.toReport(purchaseDate), principal.getName(), null).failureCase();
				redirect.addFlashAttribute("filed", filed.getCaseNumber());
				return "redirect:/cases/" + filed.getCaseNumber();
			}
			catch (InvalidInputException ex) {
				errors.addAll(ex.violations());
			}
		}
		return form(model, errors);
	}

	private String form(Model model, List<InvalidInputException.Violation> violations) {
		// the form's controls are named after the report's fields, the customer's flat
		List<InvalidInputException.Violation> errors = violations.stream()
			.map(violation -> new InvalidInputException.Violation(violation.field() == null ? "serialNumber"
					: violation.field()
						.replace("customer.", "customer")
						.replace("customername", "customerName")
						.replace("customeremail", "customerEmail")
						.replace("customerphone", "customerPhone"),
					violation.message()))
			.toList();
		model.addAttribute("errors", errors);
		model.addAttribute("errorFields", errors.stream().map(InvalidInputException.Violation::field).toList());
		model.addAttribute("symptoms", SymptomCategory.values());
		model.addAttribute("channels", ReportChannel.values());
		model.addAttribute("tiers", CustomerTier.values());
		return "casework/report";
	}

	/** What the form sends, as typed. */
	static class ReportForm {

		private String serialNumber;

		private String customerName;

		private String customerEmail;

		private String customerPhone;

		private SymptomCategory symptomCategory;

		private String description;

		private String purchaseDate;

		private ReportChannel channel = ReportChannel.PHONE;

		private CustomerTier customerTier = CustomerTier.STANDARD;

		FailureReport toReport(LocalDate purchase) {
			return new FailureReport(trim(serialNumber), trim(customerName), trim(customerEmail), trim(customerPhone),
					symptomCategory, trim(description), purchase, channel, null, customerTier);
		}

		private static String trim(String value) {
			// strip(), not trim(): a trailing NUL or control character must reach the
			// check
			return value == null ? null : value.strip();
		}

		public String getSerialNumber() {
			return serialNumber;
		}

		public void setSerialNumber(String serialNumber) {
			this.serialNumber = serialNumber;
		}

		public String getCustomerName() {
			return customerName;
		}

		public void setCustomerName(String customerName) {
			this.customerName = customerName;
		}

		public String getCustomerEmail() {
			return customerEmail;
		}

		public void setCustomerEmail(String customerEmail) {
			this.customerEmail = customerEmail;
		}

		public String getCustomerPhone() {
			return customerPhone;
		}

		public void setCustomerPhone(String customerPhone) {
			this.customerPhone = customerPhone;
		}

		public SymptomCategory getSymptomCategory() {
			return symptomCategory;
		}

		public void setSymptomCategory(SymptomCategory symptomCategory) {
			this.symptomCategory = symptomCategory;
		}

		public String getDescription() {
			return description;
		}

		public void setDescription(String description) {
			this.description = description;
		}

		public String getPurchaseDate() {
			return purchaseDate;
		}

		public void setPurchaseDate(String purchaseDate) {
			this.purchaseDate = purchaseDate;
		}

		public ReportChannel getChannel() {
			return channel;
		}

		public void setChannel(ReportChannel channel) {
			this.channel = channel;
		}

		public CustomerTier getCustomerTier() {
			return customerTier;
		}

		public void setCustomerTier(CustomerTier customerTier) {
			this.customerTier = customerTier;
		}

	}

}
