package com.tracecase.genealogy.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FileNamesTests {

	@Test
	void dropsDirectoriesAndUnsafeCharacters() {
		assertThat(FileNames.safe("../../etc/passwd")).isEqualTo("passwd");
		assertThat(FileNames.safe("C:\\temp\\report.pdf")).isEqualTo("report.pdf");
		assertThat(FileNames.safe("a;rm -rf $HOME|.txt")).isEqualTo("a_rm -rf _HOME_.txt");
		assertThat(FileNames.safe("line\r\nbreak.txt")).isEqualTo("line_break.txt");
		assertThat(FileNames.safe("Prüfbericht Ä.pdf")).isEqualTo("Prüfbericht Ä.pdf");
	}

	@Test
	void neverHidesOrEmptiesANameAndKeepsTheExtensionWhenShortening() {
		assertThat(FileNames.safe(".htaccess")).isEqualTo("htaccess");
		assertThat(FileNames.safe("..")).isEqualTo("file");
		assertThat(FileNames.safe(null)).isEqualTo("file");
		String shortened = FileNames.safe("x".repeat(300) + ".pdf");
		assertThat(shortened).hasSize(200).endsWith(".pdf");
	}

}
