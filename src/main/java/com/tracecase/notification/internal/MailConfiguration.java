package com.tracecase.notification.internal;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Where mail goes: the SMTP server of {@code TRACECASE_SMTP_HOST}, or without one the
 * embedded sink.
 */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

	private static final Logger log = LoggerFactory.getLogger(MailConfiguration.class);

	@Bean(initMethod = "start", destroyMethod = "stop")
	@Conditional(NoSmtpHost.class)
	EmbeddedMailSink embeddedMailSink(NotificationProperties properties, Environment environment) {
		if (environment.acceptsProfiles(Profiles.of("prod"))) {
			log.warn("No SMTP server is configured (TRACECASE_SMTP_HOST): mail goes to the embedded sink and "
					+ "reaches nobody");
		}
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
