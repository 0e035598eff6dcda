package com.tracecase.metrics.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

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
import com.tracecase.quality.OverdueSupplierAction;
import com.tracecase.quality.RecallCampaignFigure;
import com.tracecase.quality.Recalls;
import com.tracecase.quality.SupplierManagement;
import com.tracecase.shared.InvalidInputException;
import com.tracecase.workflow.ProcessFigures;
import com.tracecase.workflow.ProcessFigures.TaskWait;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The managers' figures for a BI tool: JSON by default, CSV with {@code Accept: text/csv}
 * or {@code format=csv} (a link in a browser can send no Accept header). A period is
 * {@code from} (inclusive) to {@code to} (inclusive) as dates in UTC; without them the
 * last weeks up to today ({@code tracecase.metrics.default-period}).
 */
@RestController
@RequestMapping(path = "/api/metrics", produces = { MediaType.APPLICATION_JSON_VALUE, "text/csv" })
@Tag(name = "Managers' figures",
		description = "JSON, or CSV with Accept: text/csv or format=csv (managers, administrators)")
class MetricsController {

	private final CaseFigures cases;

	private final ProcessFigures process;

	private final SlaFigures sla;

	private final WarrantyCostFigures warranty;

	private final FailureFigures failures;

	private final FigureParameters parameters;

	private final Recalls recalls;

	private final SupplierManagement supplierActions;

	MetricsController(CaseFigures cases, ProcessFigures process, SlaFigures sla, WarrantyCostFigures warranty,
			FailureFigures failures, FigureParameters parameters, Recalls recalls, SupplierManagement supplierActions) {
		this.recalls = recalls;
		this.supplierActions = supplierActions;
		this.cases = cases;
		this.process = process;
		this.sla = sla;
		this.warranty = warranty;
		this.failures = failures;
		this.parameters = parameters;
	}

	@GetMapping("/open-cases-by-step")
	ResponseEntity<List<OpenCasesAtStep>> openCasesByStep(@RequestParam(required = false) String format) {
		return answer(OpenCasesAtStep.of(process), format);
	}

	@GetMapping("/cases-per-week")
	ResponseEntity<List<WeeklyCases>> casesPerWeek(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String format) {
		FiguresPeriod period = parameters.period(from, to);
		return answer(cases.perWeek(period.from(), period.to()), format);
	}

	@GetMapping("/cycle-time-per-week")
	ResponseEntity<List<WeeklyCycleTime>> cycleTimePerWeek(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String format) {
		FiguresPeriod period = parameters.period(from, to);
		return answer(cases.cycleTimePerWeek(period.from(), period.to()), format);
	}

	@GetMapping("/task-waits")
	ResponseEntity<List<TaskWait>> taskWaits(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String format) {
		FiguresPeriod period = parameters.period(from, to);
		return answer(process.taskWaits(period.from(), period.to()), format);
	}

	@GetMapping("/sla-breaches")
	ResponseEntity<List<WeeklyBreaches>> slaBreaches(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String format) {
		FiguresPeriod period = parameters.period(from, to);
		return answer(sla.perWeek(period.from(), period.to()), format);
	}

	@GetMapping("/cases-needing-attention")
	ResponseEntity<List<CaseNeedingAttention>> casesNeedingAttention(@RequestParam(required = false) String format) {
		return answer(cases.needingAttention(), format);
	}

	@GetMapping("/overdue-supplier-actions")
	ResponseEntity<List<OverdueSupplierAction>> overdueSupplierActions(@RequestParam(required = false) String format) {
		return answer(supplierActions.overdueFigures(), format);
	}

	@GetMapping("/decisions-per-week")
	ResponseEntity<List<WeeklyDecisions>> decisionsPerWeek(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String format) {
		FiguresPeriod period = parameters.period(from, to);
		return answer(cases.decisionsPerWeek(period.from(), period.to()), format);
	}

	@GetMapping("/warranty-cost-per-month")
	ResponseEntity<List<MonthlyCost>> warrantyCostPerMonth(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String format) {
		FiguresPeriod period = parameters.period(from, to);
		return answer(warranty.perMonth(period.from(), period.to()), format);
	}

	@GetMapping("/failure-pareto")
	ResponseEntity<List<ParetoEntry>> failurePareto(@RequestParam(defaultValue = "PART") String by,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String format) {
		FiguresPeriod period = parameters.period(from, to);
		return answer(failures.pareto(FigureParameters.dimension(by), period.from(), period.to()), format);
	}

	@GetMapping("/suspect-lots")
	ResponseEntity<List<SuspectLot>> suspectLots(@RequestParam(defaultValue = "2") int minimumCases,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String format) {
		if (minimumCases < 1) {
			throw new InvalidInputException("minimumCases", "The minimum number of cases must be at least 1.");
		}
		FiguresPeriod period = parameters.period(from, to);
		return answer(failures.suspectLots(period.from(), period.to(), minimumCases), format);
	}

	@GetMapping("/recall-campaigns")
	ResponseEntity<List<RecallCampaignFigure>> recallCampaigns(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String format) {
		FiguresPeriod period = parameters.period(from, to);
		return answer(recalls.figures(period.from(), period.to()), format);
	}

	/**
	 * The figures in the format asked for by name, else as the {@code Accept} header
	 * asks.
	 * @param format {@code csv}, {@code json} or {@literal null}
	 * @throws InvalidInputException naming {@code format} for any other
	 */
	private static <T> ResponseEntity<List<T>> answer(List<T> figures, String format) {
		if (format == null) {
			return ResponseEntity.ok(figures);
		}
		MediaType type = switch (format.strip().toLowerCase(Locale.ROOT)) {
			case "csv" -> CsvRecordsConverter.TEXT_CSV;
			case "json" -> MediaType.APPLICATION_JSON;
			default ->
				throw new InvalidInputException("format", "Ask for format=csv or format=json, not \"" + format + "\".");
		};
		return ResponseEntity.ok().contentType(type).body(figures);
	}

	@Configuration(proxyBeanMethods = false)
	static class CsvConfiguration {

		@Bean
		CsvRecordsConverter csvRecordsConverter() {
			return new CsvRecordsConverter();
		}

	}

}
