package com.tracecase.genealogy.internal;

/**
 * The upper tail of the hypergeometric distribution, in log space so that very small
 * p-values do not underflow.
 * <p>
 * At-risk asks: if {@code failed} of {@code population} units failed at random, how
 * likely would {@code observed} or more of them fall among the {@code drawn} units that
 * contain a given lot? A small probability means failures concentrate in that lot.
 */
public final class Hypergeometric {

	private static final double[] LANCZOS = { 0.99999999999980993, 676.5203681218851, -1259.1392167224028,
			771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
			1.5056327351493116e-7 };

	private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

	private Hypergeometric() {
	}

	/**
	 * {@code ln P(X >= observed)} for
	 * {@code X ~ Hypergeometric(population, failed, drawn)}.
	 * @param population all units, at least {@code failed} and {@code drawn}
	 * @param failed failed units in the population
	 * @param drawn units containing the lot
	 * @param observed failed units containing the lot
	 * @return the natural logarithm of the upper-tail probability, at most 0
	 */
	public static double logUpperTail(long population, long failed, long drawn, long observed) {
		if (population <= 0 || observed <= 0) {
			return 0;
		}
		long low = Math.max(observed, Math.max(0, drawn + failed - population));
		long high = Math.min(drawn, failed);
		if (low > high) {
			return Double.NEGATIVE_INFINITY;
		}
		double denominator = logChoose(population, drawn);
		double max = Double.NEGATIVE_INFINITY;
		double[] terms = new double[(int) (high - low + 1)];
		for (long i = low; i <= high; i++) {
			double term = logChoose(failed, i) + logChoose(population - failed, drawn - i) - denominator;
			terms[(int) (i - low)] = term;
			max = Math.max(max, term);
		}
		double sum = 0;
		for (double term : terms) {
			sum += Math.exp(term - max);
		}
		return Math.min(0, max + Math.log(sum));
	}

	static double logChoose(long n, long k) {
		if (k < 0 || k > n) {
			return Double.NEGATIVE_INFINITY;
		}
		if (k == 0 || k == n) {
			return 0;
		}
		return logGamma(n + 1.0) - logGamma(k + 1.0) - logGamma(n - k + 1.0);
	}

	/** Lanczos approximation (g = 7, n = 9), about 15 significant digits for x >= 0.5. */
	static double logGamma(double x) {
		if (x < 0.5) {
			return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
		}
		double z = x - 1;
		double a = LANCZOS[0];
		double t = z + 7.5;
		for (int i = 1; i < LANCZOS.length; i++) {
			a += LANCZOS[i] / (z + i);
		}
		return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(a);
	}

}
