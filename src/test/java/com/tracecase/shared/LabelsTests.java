package com.tracecase.shared;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LabelsTests {

	/** Enums that never reach people: file names of an import, a mail server setting. */
	private static final Set<String> TECHNICAL = Set.of("com.tracecase.genealogy.ImportFile",
			"com.tracecase.notification.internal.NotificationProperties$Tls");

	@Test
	void everyValueOfEveryEnumShownToPeopleHasALabel() throws ClassNotFoundException {
		List<String> enums = new ArrayList<>();
		List<String> missing = new ArrayList<>();
		for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("com.tracecase")) {
			if (!type.isEnum() || TECHNICAL.contains(type.getName())) {
				continue;
			}
			Class<?> enumType = Class.forName(type.getName());
			enums.add(Labels.typeName(enumType));
			for (Object value : enumType.getEnumConstants()) {
				String code = ((Enum<?>) value).name();
				if (Labels.find(Labels.typeName(enumType), code).isEmpty()) {
					missing.add(Labels.typeName(enumType) + "." + code);
				}
			}
		}
		assertThat(enums).contains("SymptomCategory", "WarrantyStatus", "CaseStatus", "CustomerTier", "ReportChannel",
				"LotStatus", "CostKind", "CaseClosure", "ReservationPurpose", "Investigation.Status");
		assertThat(missing).as("enum values without a label in messages.properties").isEmpty();
	}

	@Test
	void codesKeptAsTextReadAsTheirLabels() {
		assertThat(Labels.label("SymptomCategory", "CHARGING")).isEqualTo("Charging");
		assertThat(Labels.label("Remedy", "REPLACE")).isEqualTo("Replace");
		assertThat(Labels.label("RootCauseCategory", " COMPONENT ")).isEqualTo("Component");
		assertThat(Labels.label("SymptomCategory", null)).isNull();
		// never a raw code, even for a value the bundle does not know yet
		assertThat(Labels.label("Remedy", "SEND_FLOWERS")).isEqualTo("Send flowers");
	}

	@Test
	void nestedEnumsAreNamedWithTheirOuterClass() {
		assertThat(Labels.label(com.tracecase.quality.Investigation.Status.FAILURE_CONFIRMED))
			.isEqualTo("Failure confirmed");
		assertThat(Labels.label(com.tracecase.quality.WarrantyStatus.IN_WARRANTY)).isEqualTo("In warranty");
	}

	@Test
	void moneyReadsWithTheCurrencysDecimalsAndItsCode() {
		assertThat(Money.format(new BigDecimal("201.5"), "EUR")).isEqualTo("201.50 EUR");
		assertThat(Money.format(new BigDecimal("1234.005"), "usd")).isEqualTo("1,234.01 USD");
		assertThat(Money.format(new BigDecimal("1500"), "JPY")).isEqualTo("1,500 JPY");
		assertThat(Money.of(201.5, "EUR")).isEqualTo(new Money(new BigDecimal("201.5"), "EUR", "201.50 EUR"));
		assertThat(Money.format(null, "EUR")).isNull();
		assertThatIllegalArgumentException().isThrownBy(() -> Money.format(BigDecimal.ONE, "EURO"));
	}

	@Test
	void datesReadAsWords() {
		assertThat(Labels.date(LocalDate.of(2026, 3, 3))).isEqualTo("3 March 2026");
		assertThat(Labels.dateTime(Instant.parse("2026-03-03T14:05:09Z"))).isEqualTo("3 March 2026, 14:05 UTC");
	}

	@Test
	void durationsReadInTheUnitPeopleWouldUse() {
		assertThat(Labels.duration(Duration.ofSeconds(40))).isEqualTo("40 s");
		assertThat(Labels.duration(Duration.ofSeconds(59, 600_000_000))).isEqualTo("1 min");
		assertThat(Labels.duration(Duration.ofMinutes(12).plusSeconds(20))).isEqualTo("12 min");
		assertThat(Labels.duration(Duration.ofHours(2).plusMinutes(14).plusSeconds(40))).isEqualTo("2 h 15 min");
		assertThat(Labels.duration(Duration.ofHours(3).plusSeconds(10))).isEqualTo("3 h");
		assertThat(Labels.duration(Duration.ofHours(23).plusMinutes(59).plusSeconds(40))).isEqualTo("1 day");
		assertThat(Labels.duration(Duration.ofHours(36))).isEqualTo("1.5 days");
		assertThat(Labels.duration(Duration.ofHours(79))).isEqualTo("3.3 days");
		assertThat(Labels.duration(Duration.ofDays(2))).isEqualTo("2 days");
		assertThat(Labels.duration(Duration.ZERO)).isEqualTo("0 s");
		assertThat(Labels.duration(Duration.ofMinutes(-5))).isEqualTo("0 s");
		assertThat(Labels.duration(null)).isNull();
	}

	@Test
	void lotsSayWhereTheyComeFrom() {
		assertThat(Labels.origin("Texas Instruments", "B-MB-00003")).isEqualTo("from Texas Instruments");
		assertThat(Labels.origin(null, "B-MB-00003")).isEqualTo("built in-house in build B-MB-00003");
		assertThat(Labels.origin(null, null)).isEqualTo("built in-house");
	}

}
