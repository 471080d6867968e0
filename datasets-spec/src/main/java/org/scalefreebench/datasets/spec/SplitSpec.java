package org.scalefreebench.datasets.spec;

/**
 * One split of a dataset: how many maps per p value and the seed of its random stream.
 *
 * @param name        the split's name (train, val, test, …), also its folder name
 * @param samplesPerP maps generated for each p value
 * @param seed        seed of the split's generator
 */
public record SplitSpec(String name, int samplesPerP, long seed) {}
