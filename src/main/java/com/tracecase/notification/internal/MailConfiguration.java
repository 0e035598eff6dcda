package com.tracecase.notification.internal;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Where mail goes: the SMTP server of {@code TRACECASE_SMTP_HOST}, or without one the
 * embedded sink.
 */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

	@Bean(initMethod = "start", destroyMethod = "stop")
	@Conditional(NoSmtpHost.class)
	EmbeddedMailSink embeddedMailSink(NotificationProperties properties) {
		return new EmbeddedMailSink(properties.sink().port());
	}

	@Bean
	SmtpMailer smtpMailer(NotificationProperties properties, ObjectProvider<EmbeddedMailSink> sink) {
		NotificationProperties.Smtp smtp = properties.smtp();
		EmbeddedMailSink embedded = sink.getIfAvailable();
		SmtpMailer.Target target = (embedded != null)
				? new SmtpMailer.Target(embedded.host(), embedded.port(), NotificationProperties.Tls.NONE, null, null,
						smtp.connectionTimeout(), smtp.timeout())
				: new SmtpMailer.Target(smtp.host().strip(), smtp.effectivePort(), smtp.tls(), smtp.user(),
						smtp.password(), smtp.connectionTimeout(), smtp.timeout());
		return new SmtpMailer(target, properties.from());
	}

	@Bean
	OutboxSender outboxSender(Outbox outbox, SmtpMailer mailer, NotificationProperties properties, Clock clock) {
		return new OutboxSender(outbox, mailer, properties.sender(), clock);
	}

	static class NoSmtpHost implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !StringUtils.hasText(context.getEnvironment().getProperty("tracecase.mail.smtp.host"));
		}

	}

}
