package org.scalefreebench.datasets.spec;

/**
 * How a Markov-chain family's spec draws its maps (the {@code chain} block of its JSON): per value
 * of the control parameter and per split, a pilot chain measures the integrated autocorrelation
 * times τ of the bond count and of the largest cluster; with τ̂ the larger, over the two, of the
 * estimate plus two of its Madras–Sokal standard errors,
 *
 * <ul>
 *   <li>burn-in = max({@code minBurnIn}, ⌈{@code burnInTau}·τ̂⌉) sweeps,
 *   <li>thinning = max(1, ⌈{@code thinningTau}·τ̂⌉) sweeps between stored maps,
 * </ul>
 *
 * and {@code chains} independent chains share the split's maps of that value (the first ones one
 * more if they do not divide evenly), started alternately from all bonds occupied and from none.
 * The pilot starts from all bonds occupied, runs {@code pilotSweeps} sweeps and measures τ on its
 * last four fifths. Train, validation and test splits never share a chain.
 *
 * @param pilotSweeps sweeps of each pilot chain, at least 100
 * @param burnInTau   burn-in in units of τ̂
 * @param minBurnIn   the least burn-in, in sweeps
 * @param thinningTau sweeps between stored maps in units of τ̂
 * @param chains      independent chains per value and split, at least 1
 */
public record ChainRule(int pilotSweeps, int burnInTau, int minBurnIn, int thinningTau, int chains) {

    /** Checks the ranges. */
    public ChainRule {
        if (pilotSweeps < 100 || burnInTau < 1 || minBurnIn < 0 || thinningTau < 1 || chains < 1) {
            throw new IllegalArgumentException("chain rule needs pilot_sweeps ≥ 100, burn_in_tau ≥ 1, min_burn_in ≥ 0,"
                    + " thinning_tau ≥ 1 and chains ≥ 1; got " + this);
        }
    }

    /**
     * @param tau the pilot's τ̂ in sweeps
     * @return the burn-in in sweeps
     */
    public int burnIn(double tau) {
        return (int) Math.max(minBurnIn, Math.ceil(burnInTau * tau));
    }

    /**
     * @param tau the pilot's τ̂ in sweeps
     * @return sweeps between stored maps
     */
    public int thinning(double tau) {
        return (int) Math.max(1, Math.ceil(thinningTau * tau));
    }

    /**
     * @param samples maps of one value in one split
     * @param chain   a chain index in [0, chains)
     * @return how many of them chain {@code chain} draws
     */
    public int mapsOfChain(int samples, int chain) {
        return samples / chains + (chain < samples % chains ? 1 : 0);
    }
}
