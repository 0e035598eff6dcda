package com.tracecase.workflow.model;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.tracecase.finance.Remedy;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repair-or-replace table on its own, without the engine or a database: one case per
 * rule (and the ties between rules), so a changed rule shows here first.
 */
class RepairOrReplaceTableTests {

	private static final String TABLE = "bpmn/repair-or-replace.dmn";

	private DmnEngine engine;

	private DmnDecision decision;

	private final List<String> matchedRules = new java.util.ArrayList<>();

	@BeforeEach
	void setUp() throws IOException {
		DefaultDmnEngineConfiguration configuration = (DefaultDmnEngineConfiguration) DmnEngineConfiguration
			.createDefaultDmnEngineConfiguration();
		configuration.customPostDecisionTableEvaluationListeners(List.of(new DmnDecisionTableEvaluationListener() {
			@Override
			public void notify(DmnDecisionTableEvaluationEvent event) {
				event.getMatchingRules().forEach(rule -> matchedRules.add(rule.getId()));
			}
		}));
		engine = configuration.buildEngine();
		try (InputStream in = new FileInputStream(TABLE)) {
			decision = engine.parseDecision("repairOrReplace", in);
		}
	}

	@ParameterizedTest(name = "{0}: {1}, {2} months, ratio {3}, parts {4}, units {5}, {6} -> {7}")
	@CsvSource({
			// out of warranty: the customer pays a repair, or the managers decide without
			// parts
			"Rule_1, OUT_OF_WARRANTY, 30, 0.4, true,  true,  STANDARD, REPAIR,   true",
			"Rule_1, OUT_OF_WARRANTY, 30, 0.4, true,  true,  PREMIUM,  REPAIR,   true",
			"Rule_2, OUT_OF_WARRANTY, 30, 0.4, false, true,  PREMIUM,  ESCALATE, true",
			// an early failure is replaced, even when a repair would be cheap
			"Rule_3, IN_WARRANTY,      2, 0.2, true,  true,  STANDARD, REPLACE,  false",
			// premium customers get a new unit whenever one is in stock
			"Rule_4, IN_WARRANTY,     12, 0.2, true,  true,  PREMIUM,  REPLACE,  false",
			// a cheap repair with parts in stock
			"Rule_5, IN_WARRANTY,     12, 0.6, true,  true,  STANDARD, REPAIR,   false",
			"Rule_5, IN_WARRANTY,     12, 0.2, true,  false, PREMIUM,  REPAIR,   false",
			// an expensive repair, or none possible, is a replacement
			"Rule_6, IN_WARRANTY,     12, 0.61, true, true,  STANDARD, REPLACE,  false",
			"Rule_6, IN_WARRANTY,     12, 0.2, false, true,  STANDARD, REPLACE,  false",
			// an expensive repair is still done when no replacement is in stock
			"Rule_7, IN_WARRANTY,     12, 0.9, true,  false, STANDARD, REPAIR,   false",
			// nothing in stock: refund
			"Rule_8, IN_WARRANTY,      2, 0.9, false, false, PREMIUM,  REFUND,   false",
			// a warranty status the table does not know goes to the managers
			"Rule_9, UNKNOWN,         12, 0.2, true,  true,  STANDARD, ESCALATE, false" })
	void everyRuleDecidesAsWritten(String rule, String warranty, int ageMonths, double ratio, boolean parts,
			boolean units, String tier, Remedy remedy, boolean charged) {
		DmnDecisionTableResult result = engine.evaluateDecisionTable(decision,
				Map.of("warrantyStatus", warranty, "unitAgeMonths", ageMonths, "repairCostRatio", ratio,
						"repairPartsAvailable", parts, "replacementAvailable", units, "customerTier", tier));
		assertThat(result.getSingleResult().<String>getEntry("action")).isEqualTo(remedy.name());
		assertThat(result.getSingleResult().<Boolean>getEntry("customerCharged")).isEqualTo(charged);
		assertThat(result.getSingleResult().<String>getEntry("reason")).isNotBlank();
		assertThat(matchedRules).first().isEqualTo(rule);
	}

	@Test
	void theTableSpeaksTheRemedyVocabularyAndEveryRuleIsTested() throws IOException {
		DmnModelInstance model = Dmn.readModelFromFile(new java.io.File(TABLE));
		Output action = model.getModelElementsByType(Output.class)
			.stream()
			.filter(output -> "action".equals(output.getName()))
			.findFirst()
			.orElseThrow();
		Set<String> allowed = new HashSet<>(
				Arrays.asList(action.getOutputValues().getText().getTextContent().replace("\"", "").split(",")));
		assertThat(allowed)
			.containsExactlyInAnyOrderElementsOf(Arrays.stream(Remedy.values()).map(Remedy::name).toList());

		Set<String> tested = Set.of("Rule_1", "Rule_2", "Rule_3", "Rule_4", "Rule_5", "Rule_6", "Rule_7", "Rule_8",
				"Rule_9");
		assertThat(model.getModelElementsByType(Rule.class)).extracting(Rule::getId)
			.containsExactlyInAnyOrderElementsOf(tested);
		for (Rule rule : model.getModelElementsByType(Rule.class)) {
			String output = rule.getOutputEntries().iterator().next().getText().getTextContent().replace("\"", "");
			assertThat(Remedy.valueOf(output)).as(rule.getId()).isNotNull();
		}
	}

}
