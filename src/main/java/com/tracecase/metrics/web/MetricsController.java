package com.tracecase.metrics.web;

import java.time.LocalDate;
import java.util.List;

import com.tracecase.casework.CaseFigures;
import com.tracecase.casework.CaseFigures.CaseNeedingAttention;
import com.tracecase.casework.CaseFigures.WeeklyCases;
import com.tracecase.casework.CaseFigures.WeeklyCycleTime;
import com.tracecase.casework.CaseFigures.WeeklyDecisions;
import com.tracecase.finance.WarrantyCostFigures;
import com.tracecase.finance.WarrantyCostFigures.MonthlyCost;
import com.tracecase.notification.SlaFigures;
import com.tracecase.notification.SlaFigures.WeeklyBreaches;
import com.tracecase.quality.FailureFigures;
import com.tracecase.quality.FailureFigures.ParetoEntry;
import com.tracecase.quality.FailureFigures.SuspectLot;
import com.tracecase.shared.InvalidInputException;
import com.tracecase.workflow.ProcessFigures;
import com.tracecase.workflow.ProcessFigures.TaskWait;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The managers' figures for a BI tool: JSON by default, CSV with
 * {@code Accept: text/csv}. A period is {@code from} (inclusive) to {@code to}
 * (inclusive) as dates in UTC; without them the last weeks up to today
 * ({@code tracecase.metrics.default-period}).
 */
@RestController
@RequestMapping(path = "/api/metrics", produces = { MediaType.APPLICATION_JSON_VALUE, "text/csv" })
class MetricsController {

	private final CaseFigures cases;

	private final ProcessFigures process;

	private final SlaFigures sla;

	private final WarrantyCostFigures warranty;

	private final FailureFigures failures;

	private final FigureParameters parameters;

	MetricsController(CaseFigures cases, ProcessFigures process, SlaFigures sla, WarrantyCostFigures warranty,
			FailureFigures failures, FigureParameters parameters) {
		this.cases = cases;
		this.process = process;
		this.sla = sla;
		this.warranty = warranty;
		this.failures = failures;
		this.parameters = parameters;
	}

	@GetMapping("/open-cases-by-step")
	List<OpenCasesAtStep> openCasesByStep() {
		return OpenCasesAtStep.of(process);
	}

	@GetMapping("/cases-per-week")
	List<WeeklyCases> casesPerWeek(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		FiguresPeriod period = parameters.period(from, to);
		return cases.perWeek(period.from(), period.to());
	}

	@GetMapping("/cycle-time-per-week")
	List<WeeklyCycleTime> cycleTimePerWeek(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		FiguresPeriod period = parameters.period(from, to);
		return cases.cycleTimePerWeek(period.from(), period.to());
	}

	@GetMapping("/task-waits")
	List<TaskWait> taskWaits(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		FiguresPeriod period = parameters.period(from, to);
		return process.taskWaits(period.from(), period.to());
	}

	@GetMapping("/sla-breaches")
	List<WeeklyBreaches> slaBreaches(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		FiguresPeriod period = parameters.period(from, to);
		return sla.perWeek(period.from(), period.to());
	}

	@GetMapping("/cases-needing-attention")
	List<CaseNeedingAttention> casesNeedingAttention() {
		return cases.needingAttention();
	}

	@GetMapping("/decisions-per-week")
	List<WeeklyDecisions> decisionsPerWeek(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		FiguresPeriod period = parameters.period(from, to);
		return cases.decisionsPerWeek(period.from(), period.to());
	}

	@GetMapping("/warranty-cost-per-month")
	List<MonthlyCost> warrantyCostPerMonth(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		FiguresPeriod period = parameters.period(from, to);
		return warranty.perMonth(period.from(), period.to());
	}

	@GetMapping("/failure-pareto")
	List<ParetoEntry> failurePareto(@RequestParam(defaultValue = "PART") String by,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		FiguresPeriod period = parameters.period(from, to);
		return failures.pareto(FigureParameters.dimension(by), period.from(), period.to());
	}

	@GetMapping("/suspect-lots")
	List<SuspectLot> suspectLots(@RequestParam(defaultValue = "2") int minimumCases,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		if (minimumCases < 1) {
			throw new InvalidInputException("minimumCases", "The minimum number of cases must be at least 1.");
		}
		FiguresPeriod period = parameters.period(from, to);
		return failures.suspectLots(period.from(), period.to(), minimumCases);
	}

	@Configuration(proxyBeanMethods = false)
	static class CsvConfiguration {

		@Bean
		CsvRecordsConverter csvRecordsConverter() {
			return new CsvRecordsConverter();
		}

	}

}
