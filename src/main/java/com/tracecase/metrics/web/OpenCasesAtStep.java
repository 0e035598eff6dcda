package com.tracecase.metrics.web;

import java.util.List;
import java.util.Map;

import com.tracecase.workflow.ProcessFigures;

/**
 * @param step the step id in the case process
 * @param name its name
 * @param cases open cases waiting there
 */
record OpenCasesAtStep(String step, String name, long cases) {

	/**
	 * @return the steps where open cases wait, in the order of the case process
	 */
	static List<OpenCasesAtStep> of(ProcessFigures process) {
		Map<String, Long> open = process.openCasesByStep();
		return process.caseSteps()
			.entrySet()
			.stream()
			.filter(step -> open.containsKey(step.getKey()))
			.map(step -> new OpenCasesAtStep(step.getKey(), step.getValue(), open.get(step.getKey())))
			.toList();
	}

}
