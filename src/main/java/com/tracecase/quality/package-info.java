/**
 * Quality control: investigations of reported failures, containment of suspect lots,
 * suppliers and their corrective actions (whose mails go through the notification
 * outbox).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "genealogy", "notification", "shared" })
package com.tracecase.quality;
