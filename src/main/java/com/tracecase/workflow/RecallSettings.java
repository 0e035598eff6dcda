package com.tracecase.workflow;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the recall campaign process works through a large campaign.
 *
 * @param noticesPerStep recall notices one run of the sending step queues: a campaign of
 * ten thousand units sends them in steps of this many, each its own short transaction,
 * rather than in one that outlasts the job's lock
 */
@ConfigurationProperties("tracecase.recall")
public record RecallSettings(@DefaultValue("200") int noticesPerStep) {
}
