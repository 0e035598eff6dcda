package com.tracecase.genealogy.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the genealogy module.
 *
 * @param maxFileSize largest file that may be attached to a lot
 * @param asyncImportThreshold uploads larger than this (all files together) are imported
 * in the background: the request answers 202 with the import resource
 * @param labelSize width and height of the QR code on a label, in pixels
 */
@ConfigurationProperties("tracecase.genealogy")
public record GenealogyProperties(@DefaultValue("10MB") DataSize maxFileSize,
		@DefaultValue("16MB") DataSize asyncImportThreshold, @DefaultValue("300") int labelSize) {
}
