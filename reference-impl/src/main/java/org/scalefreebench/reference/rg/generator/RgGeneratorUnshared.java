package org.scalefreebench.reference.rg.generator;

/**
 * {@code rg-generator-unshared}: the ablation of {@link RgGenerator}'s weight sharing: one network
 * per level of the largest training pyramid (as in WCRG's per-scale models), the top levels matched
 * by depth below the root and the levels that no training pyramid had reusing the last bulk network;
 * four colour passes, same data and training.
 */
public final class RgGeneratorUnshared extends RgGenerator {

    /** The public id. */
    public static final String ID = "rg-generator-unshared";

    /** One network per level. */
    public RgGeneratorUnshared() {
        super(ID, BlockOrPyramid.COLOURS, false);
    }
}
