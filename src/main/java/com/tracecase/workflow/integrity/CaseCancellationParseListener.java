package com.tracecase.workflow.integrity;

import com.tracecase.workflow.FailureCaseProcess;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Adds the cancellation check to the end of every version of the case process, as a
 * built-in listener: it runs even when a deletion skips the model's own listeners, as
 * Cockpit offers to.
 */
class CaseCancellationParseListener extends AbstractBpmnParseListener {

	private final ObjectProvider<CaseCancellations> cancellations;

	CaseCancellationParseListener(ObjectProvider<CaseCancellations> cancellations) {
		this.cancellations = cancellations;
	}

	@Override
	public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
		if (FailureCaseProcess.PROCESS_KEY.equals(processDefinition.getKey())) {
			processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END,
					(ExecutionListener) execution -> cancellations.getObject().notify(execution));
		}
	}

}
