package org.gongkai.tools.generator;

import java.util.SplittableRandom;

/**
 * The few distributions the generator needs, drawn from one {@link SplittableRandom}. Only {@link StrictMath} is used
 * so that the same seed yields the same numbers on every JVM and CPU.
 */
final class RandomDraws {

    private final SplittableRandom random;

    RandomDraws(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A well-mixed seed for one stream of draws, so neighbouring identities give unrelated streams. */
    static long seedFor(long seed, long identity, long salt) {
        return mix(mix(seed ^ 0x9E3779B97F4A7C15L * salt) + identity);
    }

    /** The finaliser of SplitMix64: a bijection that spreads every input bit over the whole word. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1) from a 64-bit value, for hash-based draws that need no stream. */
    static double unit(long bits) {
        return (bits >>> 11) * 0x1.0p-53;
    }

    double uniform() {
        return random.nextDouble();
    }

    int uniform(int bound) {
        return random.nextInt(bound);
    }

    int between(int fromInclusive, int toInclusive) {
        return random.nextInt(fromInclusive, toInclusive + 1);
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    /** Standard normal by Box–Muller; written out rather than nextGaussian so the algorithm never changes under us. */
    double gaussian() {
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u)) * StrictMath.cos(2.0 * StrictMath.PI * v);
    }

    /** exp(mu + sigma·Z): the heavy tail of request volumes and decision counts. */
    double lognormal(double median, double sigma) {
        return median * StrictMath.exp(sigma * gaussian());
    }

    /** Poisson by multiplication for small means, by a rounded normal for large ones (exact enough for counts). */
    long poisson(double mean) {
        if (mean <= 0) return 0;
        if (mean < 30) {
            double limit = StrictMath.exp(-mean);
            double product = random.nextDouble();
            long k = 0;
            while (product > limit) {
                k++;
                product *= random.nextDouble();
            }
            return k;
        }
        return Math.max(0, StrictMath.round(mean + StrictMath.sqrt(mean) * gaussian()));
    }

    /** Binomial: Bernoulli trials for small n, Poisson for rare events, a clamped normal otherwise. */
    long binomial(long n, double p) {
        if (n <= 0 || p <= 0) return 0;
        if (p >= 1) return n;
        if (n < 40) {
            long k = 0;
            for (long i = 0; i < n; i++) if (random.nextDouble() < p) k++;
            return k;
        }
        double mean = n * p;
        if (mean < 10) return Math.min(n, poisson(mean));
        if (n * (1 - p) < 10) return n - Math.min(n, poisson(n * (1 - p)));
        long k = StrictMath.round(mean + StrictMath.sqrt(mean * (1 - p)) * gaussian());
        return Math.max(0, Math.min(n, k));
    }

    /** Splits n over the categories by conditional binomials; the parts always sum to n. */
    void multinomial(long n, double[] probabilities, long[] into) {
        long left = n;
        double mass = 1.0;
        int last = probabilities.length - 1;
        for (int i = 0; i < last; i++) {
            long k = left == 0 ? 0 : binomial(left, mass <= 0 ? 0 : Math.min(1.0, probabilities[i] / mass));
            into[i] = k;
            left -= k;
            mass -= probabilities[i];
        }
        into[last] = left;
    }

    /** The base shares, each scaled by a lognormal factor and renormalised: every agency has its own habits. */
    double[] jittered(double[] base, double sigma) {
        double[] out = new double[base.length];
        double sum = 0;
        for (int i = 0; i < base.length; i++) {
            out[i] = base[i] * StrictMath.exp(sigma * gaussian());
            sum += out[i];
        }
        for (int i = 0; i < out.length; i++) out[i] /= sum;
        return out;
    }
}
