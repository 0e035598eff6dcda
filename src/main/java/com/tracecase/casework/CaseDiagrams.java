package com.tracecase.casework;

import java.util.List;

/**
 * Where a case stands, drawn: its processes as diagrams with the steps it is at and the
 * steps it passed marked. Implemented by the workflow, which knows the process models;
 * casework only shows them. The diagrams add to the steps in words, never replace them.
 */
public interface CaseDiagrams {

	/**
	 * @param caseNumber the case, must not be {@literal null}
	 * @return a diagram per process of the case (the case's own, then its containment),
	 * empty when the case has no process, never {@literal null}
	 */
	List<Diagram> diagramsOf(String caseNumber);

	/**
	 * @param process the process's name, e.g. "Failure case"
	 * @param svg the diagram as an SVG element, safe to embed in a page: every text in it
	 * is escaped
	 * @param currentSteps the names of the steps the case is at, in the order of the
	 * diagram
	 * @param passedSteps the names of the steps it passed
	 */
	record Diagram(String process, String svg, List<String> currentSteps, List<String> passedSteps) {

		public Diagram {
			currentSteps = List.copyOf(currentSteps);
			passedSteps = List.copyOf(passedSteps);
		}

	}

}
