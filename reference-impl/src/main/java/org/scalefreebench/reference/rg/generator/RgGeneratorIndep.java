package org.scalefreebench.reference.rg.generator;

/**
 * {@code rg-generator-indep}: the ablation of {@link RgGenerator} with one pass per level, so the
 * children of every parent are drawn independently given the coarse map (as in Rançon et al.'s
 * inverse-RG upsampler); same network, data and training.
 */
public final class RgGeneratorIndep extends RgGenerator {

    /** The public id. */
    public static final String ID = "rg-generator-indep";

    /** One pass per level. */
    public RgGeneratorIndep() {
        super(ID, 1, true);
    }
}
