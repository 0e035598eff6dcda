package com.tracecase.notification.internal;

/**
 * A mail's content as sent.
 *
 * @param subject the subject line, one line
 * @param html the HTML body
 * @param text the plain-text alternative
 */
public record RenderedMail(String subject, String html, String text) {
}
