package com.tracecase.demo;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.Set;
import java.util.TreeSet;

import com.tracecase.quality.SupplierContact;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every supplier of the demo plant's lots gets a quality contact that the supplier master
 * data accepts, so a containment in the demo mails its corrective action request.
 */
class DemoSuppliersTests {

	@Test
	void everySupplierOfTheDemoPlantHasAValidContact() throws Exception {
		StringWriter lots = new StringWriter();
		new GenealogyGenerator(60, DemoPlant.SEED, lots, new StringWriter()).generate();
		Set<String> suppliers = new TreeSet<>();
		for (CSVRecord lot : CSVFormat.DEFAULT.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new StringReader(lots.toString()))) {
			if (!lot.get("supplier").isBlank()) {
				suppliers.add(lot.get("supplier"));
			}
		}
		assertThat(suppliers).isNotEmpty();
		assertThat(DemoSuppliers.CONTACTS.keySet()).containsAll(suppliers);
		for (String supplier : DemoSuppliers.CONTACTS.keySet()) {
			SupplierContact contact = new SupplierContact(supplier, DemoSuppliers.CONTACTS.get(supplier),
					DemoSuppliers.address(supplier))
				.checked();
			assertThat(contact.contactEmail()).as(supplier).endsWith(".example").doesNotContain("&", " ");
		}
	}

}
