package com.tracecase.metrics.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

import com.tracecase.casework.CaseFigures;
import com.tracecase.casework.CaseFigures.CaseOutcome;
import com.tracecase.finance.CostKind;
import com.tracecase.finance.FinanceProperties;
import com.tracecase.finance.WarrantyCostFigures;
import com.tracecase.metrics.MetricsProperties;
import com.tracecase.notification.SlaFigures;
import com.tracecase.notification.SlaFigures.SlaBreach;
import com.tracecase.quality.RecallProgress;
import com.tracecase.quality.RecallUnitStatus;
import com.tracecase.quality.Recalls;
import com.tracecase.quality.SupplierManagement;
import com.tracecase.workflow.ProcessFigures;
import com.tracecase.workflow.ProcessFigures.TaskWait;
import com.tracecase.workflow.ProcessFigures.UserTaskStep;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The managers' meters. Every value is read from durable data (case table, warranty
 * ledger, mail outbox, the engine's tables) through the owning module's figures, cached
 * for {@code tracecase.metrics.cache-for}: after a restart and on every node a scrape
 * shows the same numbers, and a scrape costs at most one query per figure per period.
 */
@Component
class TracecaseMeters implements MeterBinder {

	private static final Logger log = LoggerFactory.getLogger(TracecaseMeters.class);

	private final Supplier<CaseFigures.Totals> cases;

	private final Supplier<Map<String, Long>> openByStep;

	private final Supplier<List<TaskWait>> taskWaits;

	private final Supplier<Map<SlaBreach, Long>> breaches;

	private final Supplier<Map<CostKind, BigDecimal>> costs;

	private final Supplier<Long> incidents;

	private final Supplier<Long> overdueSupplierActions;

	private final ProcessFigures process;

	private final Supplier<RecallProgress> recallUnits;

	TracecaseMeters(CaseFigures caseFigures, ProcessFigures process, SlaFigures sla, WarrantyCostFigures warranty,
			FinanceProperties finance, Recalls recalls, MetricsProperties properties, Clock clock,
			SupplierManagement suppliers) {
		this.recallUnits = new Cached<>(recalls::openUnits, properties.cacheFor(), clock);
		this.process = process;
		this.overdueSupplierActions = new Cached<>(suppliers::overdueCount, properties.cacheFor(), clock);
		this.cases = new Cached<>(caseFigures::totals, properties.cacheFor(), clock);
		this.openByStep = new Cached<>(process::openCasesByStep, properties.cacheFor(), clock);
		this.taskWaits = new Cached<>(process::taskWaits, properties.cacheFor(), clock);
		this.breaches = new Cached<>(sla::totals, properties.cacheFor(), clock);
		this.costs = new Cached<>(() -> warranty.totals(finance.currency()), properties.cacheFor(), clock);
		this.incidents = new Cached<>(process::openIncidents, properties.cacheFor(), clock);
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		FunctionCounter.builder("tracecase.cases.opened", this, safely(m -> m.cases.get().opened()))
			.description("Failure cases filed")
			.register(registry);
		for (CaseOutcome outcome : CaseOutcome.values()) {
			FunctionCounter.builder("tracecase.cases.closed", this, safely(m -> m.cases.get().closed().get(outcome)))
				.tag("outcome", label(outcome))
				.description("Failure cases closed (or cancelled), by outcome")
				.register(registry);
		}
		FunctionTimer
			.builder("tracecase.case.cycle", this, m -> count(() -> m.cases.get().cycleCount()),
					safely(m -> m.cases.get().cycleSeconds()), TimeUnit.SECONDS)
			.description("Time from report to closing of closed cases")
			.register(registry);
		for (String step : process.caseSteps().keySet()) {
			Gauge.builder("tracecase.cases.open", this, safely(m -> m.openByStep.get().getOrDefault(step, 0L)))
				.tag("step", step)
				.description("Open failure cases waiting at a step of the case process")
				.register(registry);
		}
		for (UserTaskStep task : process.userTasks().values()) {
			FunctionTimer
				.builder("tracecase.task.wait", this, m -> count(() -> wait(m, task.task()).completed()),
						safely(m -> wait(m, task.task()).totalSeconds()), TimeUnit.SECONDS)
				.tags("task", task.task(), "group", task.group())
				.description("Time completed user tasks waited from creation to completion")
				.register(registry);
		}
		for (SlaBreach kind : SlaBreach.values()) {
			FunctionCounter.builder("tracecase.sla.breaches", this, safely(m -> m.breaches.get().get(kind)))
				.tag("kind", label(kind))
				.description("Missed service levels: QC reminders and escalations to the managers")
				.register(registry);
		}
		for (CostKind kind : CostKind.values()) {
			FunctionCounter
				.builder("tracecase.warranty.cost.eur", this, safely(m -> m.costs.get().get(kind).doubleValue()))
				.tag("category", label(kind))
				.description("Warranty cost posted to the ledger, in EUR, by cost kind")
				.register(registry);
		}
		Gauge.builder("tracecase.incidents.open", this, safely(m -> m.incidents.get()))
			.description("Process engine incidents not yet resolved")
			.register(registry);
		for (RecallUnitStatus status : RecallUnitStatus.values()) {
			Gauge.builder("tracecase.recall.units", this, safely(m -> m.recallUnits.get().count(status)))
				.tag("status", label(status))
				.description("Units of open recall campaigns, by status")
				.register(registry);
		}
		Gauge.builder("tracecase.supplier.actions.overdue", this, safely(m -> m.overdueSupplierActions.get()))
			.description("Supplier corrective actions whose 8D answer is past its due date")
			.register(registry);
	}

	private static TaskWait wait(TracecaseMeters meters, String task) {
		return meters.taskWaits.get()
			.stream()
			.filter(wait -> wait.task().equals(task))
			.findFirst()
			.orElse(new TaskWait(task, task, "", 0, 0, 0, 0));
	}

	private static long count(Supplier<Long> count) {
		try {
			return Optional.ofNullable(count.get()).orElse(0L);
		}
		catch (RuntimeException ex) {
			log.warn("A figure could not be read: {}", ex.getMessage());
			return 0;
		}
	}

	/**
	 * A figure that cannot be read shows as NaN (no value) rather than failing the
	 * scrape.
	 */
	private static ToDoubleFunction<TracecaseMeters> safely(ToDoubleFunction<TracecaseMeters> figure) {
		return meters -> {
			try {
				return figure.applyAsDouble(meters);
			}
			catch (RuntimeException ex) {
				log.warn("A figure could not be read: {}", ex.getMessage());
				return Double.NaN;
			}
		};
	}

	private static String label(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

}
