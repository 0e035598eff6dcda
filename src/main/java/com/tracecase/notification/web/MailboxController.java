package com.tracecase.notification.web;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.tracecase.notification.Recipient;
import com.tracecase.notification.internal.EmbeddedMailSink;
import com.tracecase.notification.internal.EmbeddedMailSink.ReceivedMail;
import com.tracecase.notification.internal.RecipientResolver;
import com.tracecase.notification.internal.SmtpMailer;
import com.tracecase.shared.Groups;
import com.tracecase.shared.NotFoundException;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * What the embedded SMTP sink received: a page at {@code /mail} and the same as JSON.
 * With a real SMTP server configured there is nothing to show but where mail goes.
 * <p>
 * Each person sees only the mail their job needs: those who deal with customers
 * ({@link Groups#CUSTOMER_CONTACT}: customer service, managers, administrators) see every
 * mail, customers' included; everyone else sees the mail sent to the members (or the
 * distribution list) of their own groups, never a customer's.
 */
@Controller
@Tag(name = "Mailbox", description = "What the demo run's mail sink received (404 with a real SMTP server)")
class MailboxController {

	private static final int PAGE_SIZE = 100;

	private final ObjectProvider<EmbeddedMailSink> sink;

	private final SmtpMailer mailer;

	private final RecipientResolver recipients;

	MailboxController(ObjectProvider<EmbeddedMailSink> sink, SmtpMailer mailer, RecipientResolver recipients) {
		this.sink = sink;
		this.mailer = mailer;
		this.recipients = recipients;
	}

	@GetMapping("/mail")
	String mailbox(Model model, Authentication viewer) {
		EmbeddedMailSink embedded = sink.getIfAvailable();
		model.addAttribute("embedded", embedded != null);
		model.addAttribute("target", mailer.target().toString());
		model.addAttribute("allMail", dealsWithCustomers(viewer));
		List<ReceivedMail> mails = (embedded != null) ? visible(embedded.received(), viewer) : List.of();
		model.addAttribute("total", mails.size());
		model.addAttribute("mails", mails.subList(0, Math.min(PAGE_SIZE, mails.size())));
		return "mailbox";
	}

	@GetMapping("/api/mail/messages")
	@ResponseBody
	List<ReceivedMail> messages(@RequestParam(defaultValue = "100") int limit, Authentication viewer) {
		EmbeddedMailSink embedded = sink.getIfAvailable();
		if (embedded == null) {
			throw new NotFoundException("Mailbox", "embedded SMTP sink (mail goes to " + mailer.target() + ")");
		}
		List<ReceivedMail> mails = visible(embedded.received(), viewer);
		return mails.subList(0, Math.max(0, Math.min(limit, mails.size())));
	}

	private List<ReceivedMail> visible(List<ReceivedMail> mails, Authentication viewer) {
		if (dealsWithCustomers(viewer)) {
			return mails;
		}
		Set<String> ownGroups = groups(viewer).stream()
			.map(Recipient::group)
			.collect(Collectors.collectingAndThen(Collectors.toList(), recipients::resolve))
			.addresses()
			.stream()
			.map(MailboxController::normalized)
			.collect(Collectors.toSet());
		Predicate<ReceivedMail> toOwnGroup = mail -> !mail.to().isEmpty()
				&& mail.to().stream().map(MailboxController::normalized).allMatch(ownGroups::contains);
		return mails.stream().filter(toOwnGroup).toList();
	}

	private static boolean dealsWithCustomers(Authentication viewer) {
		return groups(viewer).stream().anyMatch(Groups.CUSTOMER_CONTACT::contains);
	}

	private static Collection<String> groups(Authentication viewer) {
		return (viewer == null) ? List.of()
				: Groups.fromAuthorities(viewer.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
	}

	/** The bare address of {@code Name <address>}, in lower case. */
	private static String normalized(String address) {
		String bare = address.strip();
		int open = bare.lastIndexOf('<');
		if (open >= 0 && bare.endsWith(">")) {
			bare = bare.substring(open + 1, bare.length() - 1);
		}
		return bare.toLowerCase(Locale.ROOT);
	}

}
