package com.tracecase.notification.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import com.tracecase.notification.MailTemplate;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UriUtils;

/**
 * Renders mail templates with Thymeleaf: the HTML body in HTML mode, where every value is
 * escaped, the subject and the plain-text body in text mode. The engine is its own, apart
 * from the one that renders web pages.
 */
@Component
public class MailRenderer {

	static final String CASE_NUMBER = "caseNumber";

	static final String CASE_URL = "caseUrl";

	/** The link of a mail about a lot rather than a case. */
	static final String LOT_URL = "lotUrl";

	static final String SUSPECT_LOTS = "suspectLots";

	/** A mail about a recall campaign rather than a case names the campaign. */
	static final String RECALL_REFERENCE = "recallReference";

	static final String RECALL_URL = "recallUrl";

	/** The reference of a supplier corrective action, which a supplier mail names. */
	static final String REFERENCE = "reference";

	private final SpringTemplateEngine engine;

	private final String baseUrl;

	MailRenderer(@Value("${tracecase.base-url}") String baseUrl) {
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.engine = new SpringTemplateEngine();
		this.engine.addTemplateResolver(resolver("*.html", TemplateMode.HTML, 1));
		this.engine.addTemplateResolver(resolver("*.txt", TemplateMode.TEXT, 2));
	}

	/**
	 * @param template the template, must not be {@literal null}
	 * @param model the values, must contain {@code caseNumber}, except a
	 * {@link MailTemplate#CONTAINMENT} mail about a lot contained on its own, which must
	 * contain {@code suspectLots}; the mail then links to the first lot; a mail about a
	 * recall campaign contains {@code recallReference} and links to the campaign. A
	 * supplier mail ({@link MailTemplate#isSupplierFacing()}) needs {@code reference} and
	 * links nowhere
	 * @return the subject and bodies, never {@literal null}
	 */
	public RenderedMail render(MailTemplate template, Map<String, ?> model) {
		Object caseNumber = model.get(CASE_NUMBER);
		List<String> suspectLots = lots(model.get(SUSPECT_LOTS));
		Map<String, Object> variables = new HashMap<>(model);
		if (template.isSupplierFacing()) {
			// an outside company: no case, no link into Tracecase
			Object reference = model.get(REFERENCE);
			if (reference == null || !StringUtils.hasText(reference.toString())) {
				throw new IllegalArgumentException("The model of a " + template + " mail needs a reference");
			}
			variables.remove(CASE_NUMBER);
			variables.remove(CASE_URL);
			variables.remove(LOT_URL);
		}
		else if (caseNumber != null && StringUtils.hasText(caseNumber.toString())) {
			variables.put(CASE_URL,
					baseUrl + "/cases/" + URLEncoder.encode(caseNumber.toString(), StandardCharsets.UTF_8));
		}
		else if ((template == MailTemplate.CONTAINMENT || template == MailTemplate.ATTENTION_NEEDED)
				&& !suspectLots.isEmpty()) {
			variables.remove(CASE_NUMBER);
			variables.put(LOT_URL,
					baseUrl + "/lots/" + UriUtils.encodePathSegment(suspectLots.get(0), StandardCharsets.UTF_8));
		}
		else if (model.get(RECALL_REFERENCE) != null) {
			variables.put(RECALL_URL, baseUrl + "/recalls/"
					+ UriUtils.encodePathSegment(model.get(RECALL_REFERENCE).toString(), StandardCharsets.UTF_8));
		}
		else {
			throw new IllegalArgumentException(
					"The model of a " + template + " mail needs a caseNumber or a recallReference");
		}
		variables.put(SUSPECT_LOTS, suspectLots);
		Context context = new Context(Locale.ENGLISH, variables);
		String name = template.fileName();
		// a subject is one header line: no line breaks from user input, no runaway length
		String subject = engine.process(name + "-subject.txt", context).replaceAll("\\s+", " ").strip();
		if (subject.length() > 250) {
			subject = subject.substring(0, 249) + "…";
		}
		context.setVariable("subject", subject);
		return new RenderedMail(subject, engine.process(name + ".html", context),
				engine.process(name + ".txt", context).strip() + "\n");
	}

	/**
	 * Lot codes as a list of strings, whatever the caller passed: a collection, an array
	 * or one comma-separated string.
	 */
	private static List<String> lots(Object value) {
		Stream<?> values;
		if (value == null) {
			values = Stream.empty();
		}
		else if (value instanceof Collection<?> collection) {
			values = collection.stream();
		}
		else if (value instanceof Object[] array) {
			values = Arrays.stream(array);
		}
		else {
			values = Arrays.stream(value.toString().split(","));
		}
		return values.filter(Objects::nonNull)
			.map(Object::toString)
			.map(String::strip)
			.filter(s -> !s.isEmpty())
			.toList();
	}

	private static ClassLoaderTemplateResolver resolver(String pattern, TemplateMode mode, int order) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("mail-templates/");
		resolver.setResolvablePatterns(Set.of(pattern));
		resolver.setTemplateMode(mode);
		resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
		resolver.setCheckExistence(true);
		resolver.setCacheable(true);
		resolver.setOrder(order);
		return resolver;
	}

}
