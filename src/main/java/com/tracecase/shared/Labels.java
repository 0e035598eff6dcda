package com.tracecase.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * What people read instead of codes: the label of every enum value shown to them, from
 * the one message bundle {@code messages.properties} (keys {@code <EnumType>.<CONSTANT>},
 * e.g. {@code SymptomCategory.CHARGING=Charging}; a nested enum is named with its outer
 * class, {@code Investigation.Status.OPEN}), the one readable date format
 * ({@code 3 March 2026}; with a time {@code 3 March 2026, 14:05 UTC}) and the one way a
 * length of time reads ({@code 2 h 15 min}, {@code 3.5 days}).
 * <p>
 * Static, so that templates, delegates and records can use it without wiring; the bundle
 * is the same one Spring's {@code messageSource} serves.
 */
public final class Labels {

	/** The language of labels, mails and display fields. */
	public static final Locale LOCALE = Locale.ENGLISH;

	private static final MessageSource MESSAGES = messages();

	private static final long SECONDS_PER_DAY = Duration.ofDays(1).toSeconds();

	private static final long MINUTES_PER_DAY = Duration.ofDays(1).toMinutes();

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", LOCALE);

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", LOCALE)
		.withZone(ZoneOffset.UTC);

	private Labels() {
	}

	/**
	 * @param value an enum value, may be {@literal null}
	 * @return its label, {@literal null} for {@literal null}; a value without a label
	 * reads as its code in words ({@code IN_WARRANTY} → "In warranty")
	 */
	public static String label(Enum<?> value) {
		return value == null ? null : label(typeName(value.getDeclaringClass()), value.name());
	}

	/**
	 * The label of a code kept as text, e.g. in a process variable.
	 * @param enumType the key prefix, e.g. {@code SymptomCategory} or {@code Remedy}
	 * @param code the code, may be {@literal null} or blank
	 * @return its label, {@literal null} for a missing code
	 */
	public static String label(String enumType, String code) {
		if (code == null || code.isBlank()) {
			return null;
		}
		return find(enumType, code.trim()).orElseGet(() -> words(code.trim()));
	}

	/**
	 * @return the label of the code, empty when the bundle has none
	 */
	public static Optional<String> find(String enumType, String code) {
		try {
			return Optional.of(MESSAGES.getMessage(enumType + "." + code, null, LOCALE));
		}
		catch (NoSuchMessageException ex) {
			return Optional.empty();
		}
	}

	/**
	 * @return the key prefix of an enum type: its simple name, a nested enum with its
	 * outer class ({@code Investigation.Status})
	 */
	public static String typeName(Class<?> enumType) {
		String name = enumType.getName();
		return name.substring(name.lastIndexOf('.') + 1).replace('$', '.');
	}

	/**
	 * @return e.g. {@code 3 March 2026}, {@literal null} for {@literal null}
	 */
	public static String date(LocalDate date) {
		return date == null ? null : DATE.format(date);
	}

	/**
	 * @return e.g. {@code 3 March 2026, 14:05 UTC}, {@literal null} for {@literal null}
	 */
	public static String dateTime(Instant instant) {
		return instant == null ? null : DATE_TIME.format(instant);
	}

	/**
	 * A length of time as people say it: {@code 40 s} and {@code 12 min} below an hour,
	 * {@code 2 h 15 min} below a day (to the nearest minute), {@code 1 day} and
	 * {@code 3.5 days} from a day on (to the nearest tenth of a day).
	 * @param duration a length of time, may be {@literal null}; a negative one reads as
	 * none
	 * @return e.g. {@code 2 h 15 min}, {@literal null} for {@literal null}
	 */
	public static String duration(Duration duration) {
		if (duration == null) {
			return null;
		}
		long seconds = Math.max(0, Math.round(duration.toMillis() / 1000.0));
		long minutes = Math.round(seconds / 60.0);
		if (minutes >= MINUTES_PER_DAY) {
			BigDecimal days = BigDecimal.valueOf(seconds)
				.divide(BigDecimal.valueOf(SECONDS_PER_DAY), 1, RoundingMode.HALF_UP)
				.stripTrailingZeros();
			return days.toPlainString() + (days.compareTo(BigDecimal.ONE) == 0 ? " day" : " days");
		}
		if (minutes >= 60) {
			return minutes % 60 == 0 ? minutes / 60 + " h" : minutes / 60 + " h " + minutes % 60 + " min";
		}
		return seconds < 60 ? seconds + " s" : minutes + " min";
	}

	/**
	 * Where a lot comes from, for people: {@code from Texas Instruments} for a purchased
	 * lot, {@code built in-house in build B-MB-00003} for one of our builds.
	 * @param supplier the supplier, {@literal null} for a lot we built
	 * @param buildCode the build that produced it, may be {@literal null}
	 */
	public static String origin(String supplier, String buildCode) {
		if (supplier != null && !supplier.isBlank()) {
			return "from " + supplier;
		}
		return buildCode == null || buildCode.isBlank() ? "built in-house" : "built in-house in build " + buildCode;
	}

	private static String words(String code) {
		String text = code.replace('_', ' ').toLowerCase(LOCALE);
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	private static MessageSource messages() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename("messages");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

}
