package com.tracecase.metrics.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.tracecase.casework.CaseFigures;
import com.tracecase.finance.FinanceProperties;
import com.tracecase.finance.WarrantyCostFigures;
import com.tracecase.notification.SlaFigures;
import com.tracecase.quality.FailureFigures;
import com.tracecase.quality.FailureFigures.FailureDimension;
import com.tracecase.quality.Recalls;
import com.tracecase.quality.SupplierManagement;
import com.tracecase.shared.InvalidInputException;
import com.tracecase.shared.InvalidInputException.Violation;
import com.tracecase.shared.Labels;
import com.tracecase.shared.WorkspacePage;
import com.tracecase.workflow.ProcessFigures;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The managers' view: where open cases wait, how many come and go, how long they take and
 * wait for people, missed service levels, decisions, warranty cost, what fails and which
 * lots stand out, for a period. The same figures as the metrics API, whose CSV each
 * section links.
 */
@Controller
@WorkspacePage
@PreAuthorize("hasAnyAuthority('GROUP_managers', 'GROUP_camunda-admin')")
class DashboardPages {

	/** Longer periods have too many weeks to read; the metrics API serves any period. */
	static final int LONGEST_PERIOD_YEARS = 3;

	static final List<Integer> PRESET_WEEKS = List.of(4, 12, 26);

	private static final int MINIMUM_CASES_OF_A_SUSPECT_LOT = 2;

	private final CaseFigures cases;

	private final ProcessFigures process;

	private final SlaFigures sla;

	private final WarrantyCostFigures warranty;

	private final FailureFigures failures;

	private final FigureParameters parameters;

	private final FinanceProperties finance;

	private final Recalls recalls;

	private final SupplierManagement supplierActions;

	DashboardPages(CaseFigures cases, ProcessFigures process, SlaFigures sla, WarrantyCostFigures warranty,
			FailureFigures failures, FigureParameters parameters, FinanceProperties finance, Recalls recalls,
			SupplierManagement supplierActions) {
		this.recalls = recalls;
		this.supplierActions = supplierActions;
		this.cases = cases;
		this.process = process;
		this.sla = sla;
		this.warranty = warranty;
		this.failures = failures;
		this.parameters = parameters;
		this.finance = finance;
	}

	@GetMapping("/dashboard")
	String dashboard(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String by, Model model) {
		PeriodForm form = new PeriodForm(from, to, StringUtils.hasText(by) ? by.strip() : "part");
		List<Violation> errors = new ArrayList<>();
		LocalDate first = date(form.from(), "from", "start", errors);
		LocalDate last = date(form.to(), "to", "end", errors);
		FiguresPeriod period = null;
		if (errors.isEmpty()) {
			try {
				period = parameters.period(first, last);
			}
			catch (InvalidInputException ex) {
				errors.addAll(ex.violations());
			}
		}
		if (period != null && period.last().isAfter(period.first().plusYears(LONGEST_PERIOD_YEARS))) {
			errors.add(new Violation("from", "The period can be at most " + LONGEST_PERIOD_YEARS
					+ " years long. For a longer one, download the figures from the metrics API."));
		}
		FailureDimension dimension = null;
		try {
			dimension = FigureParameters.dimension(form.by());
		}
		catch (InvalidInputException ex) {
			errors.addAll(ex.violations());
		}

		model.addAttribute("errors", errors);
		model.addAttribute("errorFields", errors.stream().map(Violation::field).toList());
		model.addAttribute("dimensions",
				Arrays.stream(FailureDimension.values())
					.map(value -> new Option(FigureParameters.code(value), Labels.label(value)))
					.toList());
		if (!errors.isEmpty()) {
			model.addAttribute("form", form);
			model.addAttribute("presets", presets(null));
			return "metrics/dashboard";
		}
		model.addAttribute("form",
				new PeriodForm(period.first().toString(), period.last().toString(), FigureParameters.code(dimension)));
		model.addAttribute("presets", presets(period));
		model.addAttribute("period", period);
		model.addAttribute("periodText", Labels.date(period.first()) + " to " + Labels.date(period.last()));
		model.addAttribute("dimension", Labels.label(dimension));
		model.addAttribute("openSteps", DashboardFigures.openSteps(OpenCasesAtStep.of(process)));
		model.addAttribute("attention", DashboardFigures.attention(cases.needingAttention()));
		model.addAttribute("overdueSupplierActions", supplierActions.overdueFigures());
		model.addAttribute("casesPerWeek",
				DashboardFigures.casesPerWeek(period, cases.perWeek(period.from(), period.to())));
		model.addAttribute("cycleTimes",
				DashboardFigures.cycleTimes(period, cases.cycleTimePerWeek(period.from(), period.to())));
		model.addAttribute("taskWaits", DashboardFigures.taskWaits(process.taskWaits(period.from(), period.to())));
		model.addAttribute("breaches", DashboardFigures.breaches(period, sla.perWeek(period.from(), period.to())));
		model.addAttribute("remedies", DashboardFigures.remedies());
		model.addAttribute("decisions",
				DashboardFigures.decisions(period, cases.decisionsPerWeek(period.from(), period.to())));
		model.addAttribute("costCategories", DashboardFigures.costCategories());
		model.addAttribute("costs",
				DashboardFigures.costs(period, warranty.perMonth(period.from(), period.to()), finance.currency()));
		model.addAttribute("pareto", DashboardFigures.pareto(failures.pareto(dimension, period.from(), period.to())));
		model.addAttribute("minimumCases", MINIMUM_CASES_OF_A_SUSPECT_LOT);
		model.addAttribute("recallCampaigns", recalls.figures(period.from(), period.to()));
		model.addAttribute("suspectLots", DashboardFigures
			.suspectLots(failures.suspectLots(period.from(), period.to(), MINIMUM_CASES_OF_A_SUSPECT_LOT)));
		return "metrics/dashboard";
	}

	private static LocalDate date(String text, String field, String end, List<Violation> errors) {
		if (!StringUtils.hasText(text)) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			errors.add(new Violation(field,
					"Enter the " + end + " of the period as a real date, for example 2026-03-02."));
			return null;
		}
	}

	private List<Preset> presets(FiguresPeriod current) {
		return PRESET_WEEKS.stream().map(weeks -> {
			FiguresPeriod preset = parameters.lastWeeks(weeks);
			return new Preset("Last " + weeks + " weeks", preset.first(), preset.last(), preset.equals(current));
		}).toList();
	}

	/** The period and ranking as typed, shown again in the form. */
	record PeriodForm(String from, String to, String by) {
	}

	record Preset(String label, LocalDate from, LocalDate to, boolean current) {
	}

	record Option(String value, String label) {
	}

}
