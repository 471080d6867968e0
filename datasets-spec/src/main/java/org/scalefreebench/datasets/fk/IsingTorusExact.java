package org.scalefreebench.datasets.fk;

import org.hipparchus.analysis.differentiation.DSFactory;
import org.hipparchus.analysis.differentiation.DerivativeStructure;

/**
 * The exact 2D Ising model on the periodic L×L square lattice at coupling K (Hamiltonian −K Σ
 * s_i s_j over the 2N nearest-neighbour edges, N = L², s = ±1): the partition function of Kaufman
 * (Phys. Rev. 76, 1232 (1949)) in the form of Ferdinand and Fisher (Phys. Rev. 185, 832 (1969)),
 * its first two K-derivatives, the twisted-boundary ratios, and from them the exact law of the FK
 * (Q = 2) bond count (brief §3.3).
 *
 * <p><b>Formula.</b> Z_PP = ½ (2 sinh 2K)^{N/2} [Z₁ + Z₂ + Z₃ + Z₄] with
 *
 * <ul>
 *   <li>Z₁ = Π_{r=0}^{L−1} 2 cosh(L γ_{2r+1}/2), Z₂ = Π 2 sinh(L γ_{2r+1}/2),
 *   <li>Z₃ = Π_{r=0}^{L−1} 2 cosh(L γ_{2r}/2), Z₄ = Π 2 sinh(L γ_{2r}/2),
 *   <li>cosh γ_l = cosh 2K coth 2K − cos(πl/L) (γ_l &gt; 0) for l ≠ 0, and γ₀ = 2K + ln tanh K,
 *       with its sign: γ₀ &lt; 0 below K_c, = 0 at K_c (so Z₄(K_c) = 0, but not its derivative).
 * </ul>
 *
 * Twisted seams (antiperiodic in one direction, or both): Z_AP = ½(…)[Z₁ + Z₂ − Z₃ − Z₄] and Z_AA
 * = ½(…)[−Z₁ + Z₂ + Z₃ − Z₄]; the unit test checks all three against enumeration of the 2^N spin
 * states at L = 2, 3, 4.
 *
 * <p><b>Numerics.</b> Every quantity is a {@link DerivativeStructure} in K of order 2, so the first
 * and second derivatives of ln Z are exact (chain rule, no finite differences). ln Z = ln ½ + (N/2)
 * ln 2 sinh 2K + ln Z₁ + ln(1 + Z₂/Z₁ + Z₃/Z₁ + Z₄/Z₁), with ln 2cosh x = |x| + ln(1 + e^{−2|x|}) and
 * ln 2sinh x = x + ln(−expm1(−2x)) for x &gt; 0. Each ln Z_i is a sum of L terms of size O(L), so
 * their differences, which fix the ratios, would lose about L² ulps (3e−12 relative at L = 256, the
 * loss the brief warned of); instead the log ratios are summed factor by factor (ln tanh of each
 * factor for Z₂/Z₁, and L(γ_{2r} − γ_{2r+1})/2 plus the small log1p terms for Z₃/Z₁), each term
 * O(1). Factor by factor cosh ≥ |sinh|, so Z₁ ≥ Z₂ ≥ 0 and Z₃ ≥ |Z₄|: the only term that can be
 * negative, Z₄ (below K_c), cancels against Z₃ alone, and the bracket is at least 1. The one small
 * difference, cosh γ_l − 1 for small l near K_c, is formed without cancellation as cosh 2K coth 2K −
 * 2 + 1 − cos(πl/L) = (1 − s)²/s + 2 sin²(πl/2L), s = sinh 2K (both terms ≥ 0), and γ_l = ln(1 + x
 * + √(x(x + 2))) with x = cosh γ_l − 1. The sign factor sinh(Lγ₀/2) of Z₄ is kept out of the
 * logarithm where |Lγ₀/2| ≤ 1, so Z₄ and its derivatives are right at K_c. The unit test reproduces
 * the brief's 50-digit values at L = 4…256 to every digit tabulated (12 to 15). Deep in the ordered
 * phase, where Var(Σ s_i s_j) is exponentially small, ∂²ln Z/∂K² is a small difference of O(N)
 * terms: against 40-digit enumeration at L = 4 its relative error is 1e−14 at K = 0.9, 4e−13 at K
 * = 1.2 and 1e−10 at K = 2.
 *
 * <p><b>FK bond count (Q = 2).</b> In the Edwards–Sokal coupling of the Ising model at K with the
 * FK model at p = 1 − e^{−2K} (Potts coupling 2K), given the spins each satisfied edge (s_i = s_j)
 * is occupied independently with probability p and every other edge is empty. So, with S the number
 * of satisfied edges, |ω| given the spins is Binomial(S, p), and by the laws of total expectation
 * and total variance
 *
 * <ul>
 *   <li>E|ω| = p E S,
 *   <li>Var|ω| = E[p(1 − p)S] + Var(pS) = p(1 − p) E S + p² Var S.
 * </ul>
 *
 * Since Σ_edges s_i s_j = 2S − 2N and ln Z is its cumulant generating function in K: E S = N + ½ ∂ln
 * Z/∂K and Var S = ¼ ∂²ln Z/∂K². At K_c = ½ ln(1 + √2), p = √2/(1 + √2), the self-dual point.
 */
public final class IsingTorusExact {

    /** The critical coupling K_c = ½ ln(1 + √2) of the square-lattice Ising model. */
    public static final double CRITICAL_COUPLING = 0.5 * Math.log1p(Math.sqrt(2));

    private static final DSFactory FACTORY = new DSFactory(1, 2);

    private final int size;
    private final double coupling;
    private final DerivativeStructure logZ;
    private final double antiperiodicRatio;
    private final double doublyAntiperiodicRatio;

    private IsingTorusExact(int size, double coupling) {
        this.size = size;
        this.coupling = coupling;
        DerivativeStructure k = FACTORY.variable(0, coupling);
        DerivativeStructure s = k.multiply(2).sinh();
        // cosh γ_l − 1 = (1 − s)²/s + 2 sin²(πl/2L)
        DerivativeStructure base = s.negate().add(1).square().divide(s);
        DerivativeStructure x0 = k.multiply(2).add(k.tanh().log()).multiply(size / 2.0); // L γ₀ / 2
        // ln Z₁, and the logs of Z₂/Z₁, Z₃/Z₁ and R₄/Z₁ (R₄ = Z₄ without its r = 0 factor) summed
        // factor by factor, so that no O(L²) logarithms are subtracted
        DerivativeStructure lnZ1 = FACTORY.constant(0);
        DerivativeStructure lnZ2OverZ1 = FACTORY.constant(0);
        DerivativeStructure lnZ3OverZ1 = FACTORY.constant(0);
        DerivativeStructure lnR4OverZ3 = FACTORY.constant(0); // + ln 2cosh(Lγ₀/2) below
        for (int r = 0; r < size; r++) {
            DerivativeStructure gammaOdd = gamma(base, 2 * r + 1);
            DerivativeStructure odd = gammaOdd.multiply(size / 2.0);
            lnZ1 = lnZ1.add(logTwoCosh(odd));
            lnZ2OverZ1 = lnZ2OverZ1.add(logTanh(odd));
            if (r == 0) {
                lnZ3OverZ1 = lnZ3OverZ1.add(logTwoCosh(x0)).subtract(logTwoCosh(odd));
            } else {
                DerivativeStructure gammaEven = gamma(base, 2 * r);
                DerivativeStructure even = gammaEven.multiply(size / 2.0);
                // ln 2cosh(e) − ln 2cosh(o) = (e − o) + ln(1 + e^{−2e}) − ln(1 + e^{−2o}), for e, o > 0
                lnZ3OverZ1 = lnZ3OverZ1
                        .add(gammaEven.subtract(gammaOdd).multiply(size / 2.0))
                        .add(even.multiply(-2).exp().log1p())
                        .subtract(odd.multiply(-2).exp().log1p());
                lnR4OverZ3 = lnR4OverZ3.add(logTanh(even));
            }
        }
        DerivativeStructure lnR4OverZ1 = lnR4OverZ3.add(lnZ3OverZ1).subtract(logTwoCosh(x0));
        DerivativeStructure r2 = lnZ2OverZ1.exp();
        DerivativeStructure r3 = lnZ3OverZ1.exp();
        DerivativeStructure r4;
        if (Math.abs(x0.getValue()) <= 1) {
            r4 = x0.sinh().multiply(2).multiply(lnR4OverZ1.exp());
        } else {
            DerivativeStructure magnitude = logTwoSinh(x0.abs()).add(lnR4OverZ1).exp();
            r4 = x0.getValue() > 0 ? magnitude : magnitude.negate();
        }
        DerivativeStructure bracket = r2.add(r3).add(r4).add(1);
        int n = size * size;
        this.logZ = logTwoSinh(k.multiply(2))
                .multiply(n / 2.0)
                .add(lnZ1)
                .add(bracket.log())
                .subtract(Math.log(2));
        double sum = bracket.getValue();
        this.antiperiodicRatio = (1 + r2.getValue() - r3.getValue() - r4.getValue()) / sum;
        this.doublyAntiperiodicRatio = (-1 + r2.getValue() + r3.getValue() - r4.getValue()) / sum;
    }

    /**
     * @param size     the linear size L ≥ 2 (at L = 2 the torus has double edges, counted as such)
     * @param coupling the coupling K &gt; 0
     * @return the exact model
     * @throws IllegalArgumentException if L &lt; 2 or K is not a finite positive number, naming the value
     */
    public static IsingTorusExact of(int size, double coupling) {
        if (size < 2 || size > BondConfiguration.MAX_SIZE) {
            throw new IllegalArgumentException(
                    "lattice size L = " + size + " is outside [2, " + BondConfiguration.MAX_SIZE + "]");
        }
        if (!(coupling > 0) || !Double.isFinite(coupling)) {
            throw new IllegalArgumentException("coupling K = " + coupling + " is not a finite number > 0");
        }
        return new IsingTorusExact(size, coupling);
    }

    /**
     * @param size the linear size L
     * @return the exact model at the critical coupling K_c, where its FK representation is the
     *     self-dual Q = 2 random-cluster model
     */
    public static IsingTorusExact critical(int size) {
        return of(size, CRITICAL_COUPLING);
    }

    /** γ_l = acosh(1 + x), x = base + 2 sin²(πl/2L), formed without cancellation. */
    private DerivativeStructure gamma(DerivativeStructure base, int l) {
        double sin = Math.sin(Math.PI * l / (2.0 * size));
        DerivativeStructure x = base.add(2 * sin * sin);
        return x.add(x.multiply(x.add(2)).sqrt()).log1p();
    }

    /** ln 2cosh x = |x| + ln(1 + e^{−2|x|}), an identity for either sign of x. */
    private static DerivativeStructure logTwoCosh(DerivativeStructure x) {
        DerivativeStructure a = x.getValue() >= 0 ? x : x.negate();
        return a.add(a.multiply(-2).exp().log1p());
    }

    /** ln tanh x = ln(−expm1(−2x)) − ln(1 + e^{−2x}), for x &gt; 0. */
    private static DerivativeStructure logTanh(DerivativeStructure x) {
        DerivativeStructure e = x.multiply(-2);
        return e.expm1().negate().log().subtract(e.exp().log1p());
    }

    /** ln 2sinh x = x + ln(−expm1(−2x)), for x &gt; 0. */
    private static DerivativeStructure logTwoSinh(DerivativeStructure x) {
        return x.add(x.multiply(-2).expm1().negate().log());
    }

    /** @return the linear size L */
    public int size() {
        return size;
    }

    /** @return the coupling K */
    public double coupling() {
        return coupling;
    }

    /** @return the number of sites N = L² */
    public int sites() {
        return size * size;
    }

    /** @return ln Z_PP, the periodic partition function Σ_s exp(K Σ_edges s_i s_j) */
    public double logPartitionFunction() {
        return logZ.getValue();
    }

    /** @return ∂ln Z/∂K = ⟨Σ_edges s_i s_j⟩ */
    public double logPartitionFunctionFirstDerivative() {
        return logZ.getPartialDerivative(1);
    }

    /** @return ∂²ln Z/∂K² = Var(Σ_edges s_i s_j) */
    public double logPartitionFunctionSecondDerivative() {
        return logZ.getPartialDerivative(2);
    }

    /** @return the energy per site u = −(1/N) ∂ln Z/∂K (in units of J) */
    public double energyPerSite() {
        return -logPartitionFunctionFirstDerivative() / sites();
    }

    /** @return the specific heat per site c = (K²/N) ∂²ln Z/∂K² */
    public double specificHeatPerSite() {
        return coupling * coupling * logPartitionFunctionSecondDerivative() / sites();
    }

    /** @return the nearest-neighbour correlation ⟨s_i s_j⟩ = −u/2 */
    public double nearestNeighbourCorrelation() {
        return logPartitionFunctionFirstDerivative() / (2.0 * sites());
    }

    /** @return E S, the mean number of satisfied edges (s_i = s_j): N + ½ ∂ln Z/∂K */
    public double satisfiedEdgesMean() {
        return sites() + logPartitionFunctionFirstDerivative() / 2;
    }

    /** @return Var S, the variance of the number of satisfied edges: ¼ ∂²ln Z/∂K² */
    public double satisfiedEdgesVariance() {
        return logPartitionFunctionSecondDerivative() / 4;
    }

    /** @return the FK bond probability p = 1 − e^{−2K} of the Edwards–Sokal coupling */
    public double bondProbability() {
        return -Math.expm1(-2 * coupling);
    }

    /** @return E|ω| = p E S, the mean FK (Q = 2) bond count */
    public double bondCountMean() {
        return bondProbability() * satisfiedEdgesMean();
    }

    /** @return Var|ω| = p(1 − p) E S + p² Var S, the variance of the FK bond count */
    public double bondCountVariance() {
        double p = bondProbability();
        return p * (1 - p) * satisfiedEdgesMean() + p * p * satisfiedEdgesVariance();
    }

    /** @return the FK bond density ρ = E|ω| / 2N */
    public double bondDensity() {
        return bondCountMean() / (2.0 * sites());
    }

    /**
     * @return Z_AP/Z_PP, one seam antiperiodic; at K_c it is the FK probability that no cluster
     *     contains a cycle of odd horizontal winding (brief §3.3; the FK reading is not tested here)
     */
    public double antiperiodicRatio() {
        return antiperiodicRatio;
    }

    /**
     * @return Z_AA/Z_PP, both seams antiperiodic; at K_c it is the FK probability that no cluster
     *     contains a cycle of odd winding sum a + b
     */
    public double doublyAntiperiodicRatio() {
        return doublyAntiperiodicRatio;
    }
}
