/**
 * Email to groups and customers, written to a transactional outbox in the caller's
 * transaction and delivered over SMTP with retries, so that no mail a committed step
 * asked for is lost.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared" })
package com.tracecase.notification;
