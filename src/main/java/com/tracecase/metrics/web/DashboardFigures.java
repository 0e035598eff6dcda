package com.tracecase.metrics.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

import com.tracecase.casework.CaseFigures.CaseNeedingAttention;
import com.tracecase.casework.CaseFigures.WeeklyCases;
import com.tracecase.casework.CaseFigures.WeeklyCycleTime;
import com.tracecase.casework.CaseFigures.WeeklyDecisions;
import com.tracecase.finance.CostKind;
import com.tracecase.finance.Remedy;
import com.tracecase.finance.WarrantyCostFigures.MonthlyCost;
import com.tracecase.metrics.web.Chart.Series;
import com.tracecase.notification.SlaFigures.SlaBreach;
import com.tracecase.notification.SlaFigures.WeeklyBreaches;
import com.tracecase.quality.FailureFigures.ParetoEntry;
import com.tracecase.quality.FailureFigures.SuspectLot;
import com.tracecase.shared.Labels;
import com.tracecase.shared.Money;
import com.tracecase.workflow.ProcessFigures.TaskWait;

/**
 * The managers' figures as the dashboard shows them: the rows of each table in words,
 * money and readable durations, and the same numbers as the data of its chart. Every week
 * (or month) of the period is a row, also one without any event, so that a trend shows
 * its quiet weeks.
 */
final class DashboardFigures {

	private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("d MMM", Labels.LOCALE);

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Labels.LOCALE);

	private static final DateTimeFormatter SHORT_MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Labels.LOCALE);

	private static final double SECONDS_PER_HOUR = 3600;

	private static final double SECONDS_PER_DAY = 86400;

	private DashboardFigures() {
	}

	static Figure<StepRow> openSteps(List<OpenCasesAtStep> steps) {
		List<StepRow> rows = steps.stream().map(step -> new StepRow(step.name(), step.cases())).toList();
		List<String> names = rows.stream().map(StepRow::step).toList();
		Chart chart = new Chart("funnel", "cases", names, names,
				List.of(counts("Open cases", rows.stream().map(StepRow::cases).toList())));
		return new Figure<>(rows, chart, rows.isEmpty());
	}

	static List<AttentionRow> attention(List<CaseNeedingAttention> cases) {
		return cases.stream()
			.map(c -> new AttentionRow(c.caseNumber(), c.step(), c.problem(), Labels.dateTime(c.since())))
			.toList();
	}

	static Figure<CasesRow> casesPerWeek(FiguresPeriod period, List<WeeklyCases> figures) {
		Map<LocalDate, WeeklyCases> byWeek = index(figures, WeeklyCases::week);
		List<CasesRow> rows = period.weeks().stream().map(week -> {
			WeeklyCases found = byWeek.get(week);
			return new CasesRow(Labels.date(week), found == null ? 0 : found.opened(),
					found == null ? 0 : found.closed());
		}).toList();
		Chart chart = weekly("bars", "cases", period,
				List.of(counts("Filed", rows.stream().map(CasesRow::opened).toList()),
						counts("Closed", rows.stream().map(CasesRow::closed).toList())));
		return new Figure<>(rows, chart, figures.isEmpty());
	}

	static Figure<CycleRow> cycleTimes(FiguresPeriod period, List<WeeklyCycleTime> figures) {
		Map<LocalDate, WeeklyCycleTime> byWeek = index(figures, WeeklyCycleTime::week);
		List<CycleRow> rows = new ArrayList<>();
		List<Double> medians = new ArrayList<>();
		List<Double> p90s = new ArrayList<>();
		for (LocalDate week : period.weeks()) {
			WeeklyCycleTime found = byWeek.get(week);
			if (found == null) {
				rows.add(new CycleRow(Labels.date(week), 0, "–", "–"));
				medians.add(null);
				p90s.add(null);
			}
			else {
				rows.add(new CycleRow(Labels.date(week), found.closedCases(), duration(found.medianSeconds()),
						duration(found.p90Seconds())));
				medians.add(round(found.medianSeconds() / SECONDS_PER_DAY));
				p90s.add(round(found.p90Seconds() / SECONDS_PER_DAY));
			}
		}
		Chart chart = weekly("lines", "days", period,
				List.of(new Series("Median", medians, rows.stream().map(CycleRow::median).toList()),
						new Series("90th percentile", p90s, rows.stream().map(CycleRow::p90).toList())));
		return new Figure<>(rows, chart, figures.isEmpty());
	}

	static Figure<WaitRow> taskWaits(List<TaskWait> waits) {
		List<WaitRow> rows = waits.stream()
			.map(wait -> new WaitRow(wait.name(), Labels.label("Group", wait.group()), wait.completed(),
					duration(wait.medianSeconds()), duration(wait.p90Seconds()), duration(wait.totalSeconds())))
			.toList();
		List<String> tasks = rows.stream().map(WaitRow::task).toList();
		Chart chart = new Chart("horizontal-bars", "hours", tasks, tasks,
				List.of(new Series("Median",
						waits.stream().map(wait -> round(wait.medianSeconds() / SECONDS_PER_HOUR)).toList(),
						rows.stream().map(WaitRow::median).toList()),
						new Series("90th percentile",
								waits.stream().map(wait -> round(wait.p90Seconds() / SECONDS_PER_HOUR)).toList(),
								rows.stream().map(WaitRow::p90).toList())));
		return new Figure<>(rows, chart, rows.isEmpty());
	}

	static Figure<BreachRow> breaches(FiguresPeriod period, List<WeeklyBreaches> figures) {
		Map<LocalDate, Map<SlaBreach, Long>> byWeek = new HashMap<>();
		for (WeeklyBreaches figure : figures) {
			byWeek.computeIfAbsent(figure.week(), week -> new EnumMap<>(SlaBreach.class))
				.merge(figure.kind(), figure.breaches(), Long::sum);
		}
		List<BreachRow> rows = period.weeks().stream().map(week -> {
			Map<SlaBreach, Long> found = byWeek.getOrDefault(week, Map.of());
			return new BreachRow(Labels.date(week), found.getOrDefault(SlaBreach.REMINDER, 0L),
					found.getOrDefault(SlaBreach.ESCALATION, 0L));
		}).toList();
		Chart chart = weekly("stacked-bars", "breaches", period,
				List.of(counts("Reminders", rows.stream().map(BreachRow::reminders).toList()),
						counts("Escalations", rows.stream().map(BreachRow::escalations).toList())));
		return new Figure<>(rows, chart, figures.isEmpty());
	}

	/** The remedies in the order of the decisions table's columns, as labels. */
	static List<String> remedies() {
		return Arrays.stream(Remedy.values()).map(Labels::label).toList();
	}

	static Figure<DecisionRow> decisions(FiguresPeriod period, List<WeeklyDecisions> figures) {
		Map<LocalDate, Map<Remedy, Long>> byWeek = new HashMap<>();
		for (WeeklyDecisions figure : figures) {
			byWeek.computeIfAbsent(figure.week(), week -> new EnumMap<>(Remedy.class))
				.merge(figure.remedy(), figure.cases(), Long::sum);
		}
		List<DecisionRow> rows = period.weeks().stream().map(week -> {
			Map<Remedy, Long> found = byWeek.getOrDefault(week, Map.of());
			List<Long> cases = Arrays.stream(Remedy.values()).map(remedy -> found.getOrDefault(remedy, 0L)).toList();
			return new DecisionRow(Labels.date(week), cases, cases.stream().mapToLong(Long::longValue).sum());
		}).toList();
		List<Series> series = new ArrayList<>();
		for (Remedy remedy : Remedy.values()) {
			series.add(
					counts(Labels.label(remedy), rows.stream().map(row -> row.cases().get(remedy.ordinal())).toList()));
		}
		return new Figure<>(rows, weekly("stacked-bars", "cases", period, series), figures.isEmpty());
	}

	/** The cost categories in the order of the cost table's columns, as labels. */
	static List<String> costCategories() {
		return Arrays.stream(CostKind.values()).map(Labels::label).toList();
	}

	/**
	 * Rows per month and currency; the chart shows the amounts in the ledger's currency.
	 * @param currency the ledger's currency, listed for every month
	 */
	static Figure<CostRow> costs(FiguresPeriod period, List<MonthlyCost> figures, String currency) {
		Map<String, Map<LocalDate, Map<CostKind, BigDecimal>>> byCurrency = new HashMap<>();
		for (MonthlyCost figure : figures) {
			byCurrency.computeIfAbsent(figure.currency(), code -> new HashMap<>())
				.computeIfAbsent(figure.month(), month -> new EnumMap<>(CostKind.class))
				.merge(figure.category(), figure.amount(), BigDecimal::add);
		}
		TreeSet<String> currencies = new TreeSet<>(byCurrency.keySet());
		currencies.add(currency);
		List<CostRow> rows = new ArrayList<>();
		Map<CostKind, List<Double>> values = new EnumMap<>(CostKind.class);
		Map<CostKind, List<String>> texts = new EnumMap<>(CostKind.class);
		for (CostKind kind : CostKind.values()) {
			values.put(kind, new ArrayList<>());
			texts.put(kind, new ArrayList<>());
		}
		for (LocalDate month : period.months()) {
			for (String code : currencies) {
				Map<CostKind, BigDecimal> found = byCurrency.getOrDefault(code, Map.of()).get(month);
				if (found == null && !code.equals(currency)) {
					continue;
				}
				Map<CostKind, BigDecimal> amounts = found == null ? Map.of() : found;
				List<String> cells = new ArrayList<>();
				BigDecimal total = BigDecimal.ZERO;
				for (CostKind kind : CostKind.values()) {
					BigDecimal amount = amounts.getOrDefault(kind, BigDecimal.ZERO);
					cells.add(Money.format(amount, code));
					total = total.add(amount);
					if (code.equals(currency)) {
						values.get(kind).add(amount.doubleValue());
						texts.get(kind).add(Money.format(amount, code));
					}
				}
				rows.add(new CostRow(MONTH.format(month), code, cells, Money.format(total, code)));
			}
		}
		List<Series> series = new ArrayList<>();
		for (CostKind kind : CostKind.values()) {
			series.add(new Series(Labels.label(kind), values.get(kind), texts.get(kind)));
		}
		Chart chart = new Chart("stacked-bars", currency, period.months().stream().map(SHORT_MONTH::format).toList(),
				period.months().stream().map(MONTH::format).toList(), series);
		return new Figure<>(rows, chart, figures.isEmpty());
	}

	static Figure<ParetoRow> pareto(List<ParetoEntry> entries) {
		long total = entries.stream().mapToLong(ParetoEntry::failures).sum();
		List<ParetoRow> rows = entries.stream()
			.map(entry -> new ParetoRow(entry.label(), entry.failures(), percent((double) entry.failures() / total),
					percent(entry.cumulativeShare())))
			.toList();
		List<String> labels = rows.stream().map(ParetoRow::label).toList();
		Chart chart = new Chart("pareto", "failures", labels, labels,
				List.of(counts("Confirmed failures", rows.stream().map(ParetoRow::failures).toList()),
						new Series("Cumulative share",
								entries.stream().map(entry -> round(entry.cumulativeShare() * 100)).toList(),
								rows.stream().map(ParetoRow::cumulativeShare).toList())));
		return new Figure<>(rows, chart, rows.isEmpty());
	}

	static List<SuspectLotRow> suspectLots(List<SuspectLot> lots) {
		NumberFormat times = NumberFormat.getNumberInstance(Labels.LOCALE);
		times.setMinimumFractionDigits(1);
		times.setMaximumFractionDigits(1);
		times.setRoundingMode(RoundingMode.HALF_UP);
		return lots.stream()
			.map(lot -> new SuspectLotRow(lot.lotCode(), lot.cases(), lot.confirmedFailures(),
					times.format(lot.timesAverage()) + " ×"))
			.toList();
	}

	private static Chart weekly(String kind, String unit, FiguresPeriod period, List<Series> series) {
		return new Chart(kind, unit, period.weeks().stream().map(SHORT_DAY::format).toList(),
				period.weeks().stream().map(week -> "Week of " + Labels.date(week)).toList(), series);
	}

	private static Series counts(String name, List<Long> counts) {
		return new Series(name, counts.stream().map(Long::doubleValue).toList(),
				counts.stream().map(String::valueOf).toList());
	}

	private static <T> Map<LocalDate, T> index(List<T> figures, Function<T, LocalDate> key) {
		Map<LocalDate, T> index = new HashMap<>();
		figures.forEach(figure -> index.put(key.apply(figure), figure));
		return index;
	}

	private static String duration(double seconds) {
		return Labels.duration(Duration.ofMillis(Math.round(seconds * 1000)));
	}

	private static String percent(double share) {
		NumberFormat percent = NumberFormat.getPercentInstance(Labels.LOCALE);
		percent.setMaximumFractionDigits(1);
		return percent.format(share);
	}

	private static Double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

	/**
	 * One figure of the dashboard.
	 *
	 * @param rows the rows of its table
	 * @param chart the same figures for its chart
	 * @param empty whether nothing happened in the period (the rows may still list its
	 * weeks)
	 */
	record Figure<R>(List<R> rows, Chart chart, boolean empty) {
	}

	record StepRow(String step, long cases) {
	}

	record AttentionRow(String caseNumber, String step, String problem, String since) {
	}

	record CasesRow(String week, long opened, long closed) {
	}

	record CycleRow(String week, long closedCases, String median, String p90) {
	}

	record WaitRow(String task, String group, long completed, String median, String p90, String total) {
	}

	record BreachRow(String week, long reminders, long escalations) {
	}

	/**
	 * @param cases decisions per remedy, in the order of {@link Remedy}
	 */
	record DecisionRow(String week, List<Long> cases, long total) {
	}

	/**
	 * @param amounts cost per category, in the order of {@link CostKind}
	 */
	record CostRow(String month, String currency, List<String> amounts, String total) {
	}

	record ParetoRow(String label, long failures, String share, String cumulativeShare) {
	}

	record SuspectLotRow(String lotCode, long cases, long confirmedFailures, String timesAverage) {
	}

}
