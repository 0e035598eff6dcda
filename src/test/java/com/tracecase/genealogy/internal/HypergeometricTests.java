package com.tracecase.genealogy.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HypergeometricTests {

	@Test
	void upperTailEqualsTheExactSumOfBinomialCoefficients() {
		long[][] cases = { { 6, 2, 3, 2 }, { 3000, 5, 500, 5 }, { 3000, 5, 500, 2 }, { 100, 10, 20, 0 },
				{ 1000, 40, 200, 15 }, { 50, 50, 10, 10 }, { 20, 3, 20, 3 } };
		for (long[] c : cases) {
			double exact = exactUpperTail(c[0], c[1], c[2], c[3]);
			double computed = Math.exp(Hypergeometric.logUpperTail(c[0], c[1], c[2], c[3]));
			assertThat(computed).as(java.util.Arrays.toString(c)).isCloseTo(exact, within(exact * 1e-9 + 1e-15));
		}
	}

	@Test
	void tinyProbabilitiesDoNotUnderflowInLogSpace() {
		// 200 failures all in one lot of 200 out of a million units
		double logP = Hypergeometric.logUpperTail(1_000_000, 200, 200, 200);
		assertThat(logP).isLessThan(-1000).isFinite();
	}

	@Test
	void impossibleObservationsHaveProbabilityZeroAndNothingObservedHasOne() {
		assertThat(Hypergeometric.logUpperTail(100, 2, 10, 3)).isEqualTo(Double.NEGATIVE_INFINITY);
		assertThat(Hypergeometric.logUpperTail(100, 2, 10, 0)).isZero();
	}

	@Test
	void logGammaMatchesFactorials() {
		assertThat(Hypergeometric.logGamma(1)).isCloseTo(0, within(1e-13));
		assertThat(Hypergeometric.logGamma(11)).isCloseTo(Math.log(3628800), within(1e-12));
		assertThat(Hypergeometric.logGamma(0.5)).isCloseTo(0.5 * Math.log(Math.PI), within(1e-13));
	}

	private static double exactUpperTail(long population, long failed, long drawn, long observed) {
		BigInteger sum = BigInteger.ZERO;
		for (long i = observed; i <= Math.min(drawn, failed); i++) {
			sum = sum.add(choose(failed, i).multiply(choose(population - failed, drawn - i)));
		}
		return new BigDecimal(sum).divide(new BigDecimal(choose(population, drawn)), MathContext.DECIMAL128)
			.doubleValue();
	}

	private static BigInteger choose(long n, long k) {
		if (k < 0 || k > n) {
			return BigInteger.ZERO;
		}
		BigInteger result = BigInteger.ONE;
		for (long i = 1; i <= k; i++) {
			result = result.multiply(BigInteger.valueOf(n - k + i)).divide(BigInteger.valueOf(i));
		}
		return result;
	}

}
