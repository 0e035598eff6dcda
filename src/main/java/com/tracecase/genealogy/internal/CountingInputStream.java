package com.tracecase.genealogy.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/** Counts bytes as they are read, for progress. */
final class CountingInputStream extends FilterInputStream {

	private final LongConsumer listener;

	CountingInputStream(InputStream in, LongConsumer listener) {
		super(in);
		this.listener = listener;
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		if (b >= 0) {
			listener.accept(1);
		}
		return b;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int n = super.read(buffer, offset, length);
		if (n > 0) {
			listener.accept(n);
		}
		return n;
	}

}
