package com.tracecase;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole application on a server port, on its own PostgreSQL database. Every
 * integration test uses exactly this configuration (no extra properties, no mock beans),
 * so the suite starts one application context and one engine: the engine REST API and the
 * webapps find the engine by its name, which must stay unique in the JVM.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = TracecaseApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// a clock tests may set, for the application and the engine
@Import({ ProcessEngineCoverageConfiguration.class, TestClock.Configuration.class })
// metrics are exported as in production, so the Prometheus endpoint can be tested
@AutoConfigureObservability(tracing = false)
public @interface TracecaseIntegrationTest {

}
