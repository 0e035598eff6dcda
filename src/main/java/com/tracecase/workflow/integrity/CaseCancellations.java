package com.tracecase.workflow.integrity;

import com.tracecase.casework.CaseManagement;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.pvm.runtime.PvmExecutionImpl;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The end of a case's process: when it was cancelled or deleted (by Cockpit, the engine
 * REST API or code) rather than run to its end, the case is cancelled, with the user who
 * did it and the reason given.
 */
@Component
class CaseCancellations implements ExecutionListener {

	/** Who cancelled a case when no user is signed in, e.g. a scheduled clean-up. */
	static final String SYSTEM_USER = "tracecase";

	static final String DEFAULT_REASON = "Process instance deleted";

	private final CaseManagement cases;

	CaseCancellations(CaseManagement cases) {
		this.cases = cases;
	}

	@Override
	public void notify(DelegateExecution execution) {
		if (!execution.isCanceled() || !StringUtils.hasText(execution.getProcessBusinessKey())) {
			return;
		}
		cases.cancel(execution.getProcessBusinessKey(), who(execution), why(execution));
	}

	private static String who(DelegateExecution execution) {
		Authentication current = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		return current != null && StringUtils.hasText(current.getUserId()) ? current.getUserId() : SYSTEM_USER;
	}

	private static String why(DelegateExecution execution) {
		String reason = null;
		if (execution instanceof PvmExecutionImpl pvm) {
			reason = pvm.getDeleteReason();
			if (!StringUtils.hasText(reason) && pvm.getProcessInstance() != null) {
				reason = pvm.getProcessInstance().getDeleteReason();
			}
		}
		return StringUtils.hasText(reason) ? reason.strip() : DEFAULT_REASON;
	}

}
