package com.tracecase.demo;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.tracecase.quality.SupplierContact;
import com.tracecase.quality.SupplierManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Gives the demo plant's suppliers a quality contact, so a containment in the demo mails
 * its corrective action request (to the embedded mail sink, see {@code /mail}). A
 * supplier already in the master data is left as it is. Never in the {@code prod}
 * profile.
 */
@Component
@Profile("!prod")
@ConditionalOnProperty(name = "tracecase.demo.data", havingValue = "true")
@Order(11)
class DemoSuppliers implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoSuppliers.class);

	/** The suppliers of {@link GenealogyGenerator} with their contact's name. */
	static final Map<String, String> CONTACTS = new LinkedHashMap<>();

	static {
		CONTACTS.put("Yageo", "Mei Lin");
		CONTACTS.put("Murata", "Haruto Sato");
		CONTACTS.put("TDK", "Yui Tanaka");
		CONTACTS.put("STMicroelectronics", "Luca Bianchi");
		CONTACTS.put("Texas Instruments", "Jordan Reyes");
		CONTACTS.put("Molex", "Chris Novak");
		CONTACTS.put("AT&S", "Anna Gruber");
		CONTACTS.put("JST", "Kenji Mori");
		CONTACTS.put("LG Energy Solution", "Min-jun Kim");
		CONTACTS.put("Protolabs", "Sam Carter");
		CONTACTS.put("BOE", "Wei Zhang");
	}

	private final SupplierManagement suppliers;

	DemoSuppliers(SupplierManagement suppliers) {
		this.suppliers = suppliers;
	}

	@Override
	public void run(ApplicationArguments args) {
		int added = 0;
		for (Map.Entry<String, String> contact : CONTACTS.entrySet()) {
			if (suppliers.findSupplier(contact.getKey()).isEmpty()) {
				suppliers.addSupplier(
						new SupplierContact(contact.getKey(), contact.getValue(), address(contact.getKey())),
						"demo-data");
				added++;
			}
		}
		if (added > 0) {
			log.info("Demo suppliers: {} quality contacts added", added);
		}
	}

	/** e.g. {@code quality@texas-instruments.example} */
	static String address(String supplier) {
		return "quality@" + supplier.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + ".example";
	}

}
