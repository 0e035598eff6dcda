package com.tracecase.notification.web;

import java.util.List;

import com.tracecase.notification.internal.EmbeddedMailSink;
import com.tracecase.notification.internal.EmbeddedMailSink.ReceivedMail;
import com.tracecase.notification.internal.SmtpMailer;
import com.tracecase.shared.NotFoundException;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * What the embedded SMTP sink received: a page at {@code /mail} and the same as JSON.
 * With a real SMTP server configured there is nothing to show but where mail goes.
 */
@Controller
@Tag(name = "Mailbox", description = "What the demo run's mail sink received (404 with a real SMTP server)")
class MailboxController {

	private static final int PAGE_SIZE = 100;

	private final ObjectProvider<EmbeddedMailSink> sink;

	private final SmtpMailer mailer;

	MailboxController(ObjectProvider<EmbeddedMailSink> sink, SmtpMailer mailer) {
		this.sink = sink;
		this.mailer = mailer;
	}

	@GetMapping("/mail")
	String mailbox(Model model) {
		EmbeddedMailSink embedded = sink.getIfAvailable();
		model.addAttribute("embedded", embedded != null);
		model.addAttribute("target", mailer.target().toString());
		List<ReceivedMail> mails = (embedded != null) ? embedded.received() : List.of();
		model.addAttribute("total", mails.size());
		model.addAttribute("mails", mails.subList(0, Math.min(PAGE_SIZE, mails.size())));
		return "mailbox";
	}

	@GetMapping("/api/mail/messages")
	@ResponseBody
	List<ReceivedMail> messages(@RequestParam(defaultValue = "100") int limit) {
		EmbeddedMailSink embedded = sink.getIfAvailable();
		if (embedded == null) {
			throw new NotFoundException("Mailbox", "embedded SMTP sink (mail goes to " + mailer.target() + ")");
		}
		List<ReceivedMail> mails = embedded.received();
		return mails.subList(0, Math.max(0, Math.min(limit, mails.size())));
	}

}
