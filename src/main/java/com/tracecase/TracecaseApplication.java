package com.tracecase;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Tracecase: lot genealogy and failure cases for electronics manufacturing.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class TracecaseApplication {

	public static void main(String[] args) {
		SpringApplication.run(TracecaseApplication.class, args);
	}

}
