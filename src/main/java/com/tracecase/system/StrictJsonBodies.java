package com.tracecase.system;

import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A JSON request body with a field the request does not have is refused (422 naming it)
 * rather than carried out without it: a misspelt field ({@code "serialNumbr"}) or one
 * that cannot be set ({@code "status"}, {@code "id"}) would otherwise be dropped
 * silently. Only the bodies the web API reads; events and stored JSON keep the
 * application's lenient mapper.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonBodies implements WebMvcConfigurer {

	@Override
	public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
		for (HttpMessageConverter<?> converter : converters) {
			if (converter instanceof MappingJackson2HttpMessageConverter json) {
				json.setObjectMapper(
						json.getObjectMapper().copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
			}
		}
	}

}
