package com.tracecase.genealogy.internal;

import com.tracecase.genealogy.Disposition;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where removed parts and returned units go unless a person names another place.
 *
 * @param recyclingLocation the default location of {@link Disposition#RECYCLING}
 * @param scrapLocation the default location of {@link Disposition#SCRAP}
 * @param failureAnalysisLocation the default location of
 * {@link Disposition#FAILURE_ANALYSIS}
 */
@ConfigurationProperties("tracecase.genealogy.disposition")
public record DispositionProperties(@DefaultValue("Recycling cage") String recyclingLocation,
		@DefaultValue("Scrap bin") String scrapLocation,
		@DefaultValue("Failure analysis lab") String failureAnalysisLocation) {

	/**
	 * @return the default location of the disposition, never {@literal null}
	 */
	public String location(Disposition disposition) {
		return switch (disposition) {
			case RECYCLING -> recyclingLocation;
			case SCRAP -> scrapLocation;
			case FAILURE_ANALYSIS -> failureAnalysisLocation;
		};
	}

}
