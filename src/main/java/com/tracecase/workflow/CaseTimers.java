package com.tracecase.workflow;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * The timers of the case process, read by the BPMN as
 * {@code ${caseTimers.qcReminderCycle}} and {@code ${caseTimers.qcEscalationAfter}}.
 *
 * @param qcReminderCycle ISO 8601 repeating interval of reminders while QC's review is
 * open
 * @param qcEscalationAfter ISO 8601 duration after which an open review goes to the
 * managers
 */
@ConfigurationProperties("tracecase.case.timers")
public record CaseTimers(@DefaultValue("R3/PT24H") String qcReminderCycle,
		@DefaultValue("P3D") String qcEscalationAfter) {

	/** The bean the BPMN expressions read; JUEL needs JavaBean getters. */
	@Component("caseTimers")
	public static class Expressions {

		private final CaseTimers timers;

		Expressions(CaseTimers timers) {
			this.timers = timers;
		}

		public String getQcReminderCycle() {
			return timers.qcReminderCycle();
		}

		public String getQcEscalationAfter() {
			return timers.qcEscalationAfter();
		}

	}

}
