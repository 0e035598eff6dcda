package com.tracecase.metrics;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tracecase.DemoLogin;
import com.tracecase.PrometheusScrape;
import com.tracecase.TracecaseIntegrationTest;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Prometheus and Grafana setup under {@code docker/}, checked without Docker: the
 * files parse, they point at each other, and every query of the managers' dashboard names
 * a metric this application exports.
 */
@TracecaseIntegrationTest
class GrafanaDashboardTests {

	static final Path DOCKER = Path.of("docker");

	static final Pattern METRIC = Pattern.compile("\\btracecase_[a-z0-9_]+");

	@LocalServerPort
	int port;

	@Autowired
	ObjectMapper json;

	@Test
	void everyDashboardQueryNamesAMetricTheApplicationExports() throws Exception {
		Set<String> exported = scrape().names();
		JsonNode dashboard = json.readTree(DOCKER.resolve("grafana/dashboards/tracecase-managers.json").toFile());
		assertThat(dashboard.path("uid").asText()).isNotBlank();
		assertThat(dashboard.path("panels")).isNotEmpty();
		Set<String> queried = new TreeSet<>();
		for (JsonNode panel : dashboard.path("panels")) {
			assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
			for (JsonNode target : panel.path("targets")) {
				String expr = target.path("expr").asText();
				Matcher metric = METRIC.matcher(expr);
				assertThat(metric.find()).as("%s: %s names no Tracecase metric", panel.path("title"), expr).isTrue();
				do {
					queried.add(metric.group());
				}
				while (metric.find());
			}
		}
		assertThat(exported).containsAll(queried);
		// the dashboard shows every managers' metric
		assertThat(queried).contains("tracecase_cases_open", "tracecase_cases_opened_total",
				"tracecase_cases_closed_total", "tracecase_case_cycle_seconds_sum",
				"tracecase_case_cycle_seconds_count", "tracecase_task_wait_seconds_sum", "tracecase_sla_breaches_total",
				"tracecase_warranty_cost_eur_total", "tracecase_incidents_open", "tracecase_notifications");
	}

	@Test
	void theApplicationExportsEveryManagersMetric() throws Exception {
		assertThat(scrape().names()).contains("tracecase_cases_opened_total", "tracecase_cases_closed_total",
				"tracecase_cases_open", "tracecase_case_cycle_seconds_count", "tracecase_case_cycle_seconds_sum",
				"tracecase_task_wait_seconds_count", "tracecase_task_wait_seconds_sum", "tracecase_sla_breaches_total",
				"tracecase_warranty_cost_eur_total", "tracecase_incidents_open", "tracecase_notifications");
	}

	@Test
	@SuppressWarnings("unchecked")
	void provisioningFilesAreValidAndPointAtEachOther() throws Exception {
		Map<String, Object> compose = yaml("compose.yaml");
		Map<String, Object> services = (Map<String, Object>) compose.get("services");
		assertThat(services).containsKeys("app", "prometheus", "grafana");
		for (String service : List.of("prometheus", "grafana")) {
			for (Object volume : (List<Object>) ((Map<String, Object>) services.get(service)).get("volumes")) {
				String source = volume.toString().split(":")[0];
				if (source.startsWith("./")) {
					assertThat(DOCKER.resolve(source)).as(volume.toString()).exists();
				}
			}
		}

		Map<String, Object> prometheus = yaml("prometheus/prometheus.yml");
		Map<String, Object> job = ((List<Map<String, Object>>) prometheus.get("scrape_configs")).get(0);
		assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
		assertThat((Map<String, Object>) job.get("basic_auth")).containsKeys("username", "password_file");
		String target = ((List<String>) ((List<Map<String, Object>>) job.get("static_configs")).get(0).get("targets"))
			.get(0);
		assertThat(target).startsWith("app:");

		Map<String, Object> datasources = yaml("grafana/provisioning/datasources/prometheus.yaml");
		Map<String, Object> datasource = ((List<Map<String, Object>>) datasources.get("datasources")).get(0);
		assertThat(datasource.get("type")).isEqualTo("prometheus");
		assertThat(datasource.get("url").toString()).startsWith("http://prometheus:");

		Map<String, Object> providers = yaml("grafana/provisioning/dashboards/dashboards.yaml");
		String path = ((Map<String, Object>) ((List<Map<String, Object>>) providers.get("providers")).get(0)
			.get("options")).get("path").toString();
		assertThat(((Map<String, Object>) services.get("grafana")).get("volumes").toString())
			.contains("./grafana/dashboards:" + path);

		JsonNode dashboard = json.readTree(DOCKER.resolve("grafana/dashboards/tracecase-managers.json").toFile());
		assertThat(dashboard.findValues("datasource")).allSatisfy(
				reference -> assertThat(reference.path("uid").asText()).isEqualTo(datasource.get("uid").toString()));
	}

	private static Map<String, Object> yaml(String file) throws Exception {
		Map<String, Object> content = new Yaml().load(Files.readString(DOCKER.resolve(file)));
		assertThat(content).as(file).isNotEmpty();
		return content;
	}

	private PrometheusScrape scrape() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
			.header("Authorization", DemoLogin.basic("ops.manager"))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return new PrometheusScrape(response.body());
	}

}
