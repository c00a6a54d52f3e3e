package org.statdesk.api.registry;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Seeded, recorded random sampling (随机抽样), the one sampler of the workstation: the same population (in any
 * order) and seed always give the same sample; each draw is recorded with its seed, the hash of the frozen
 * population and the algorithm version so that it can be verified later.
 */
@ProviderType
public interface Sampler {
    String ALGORITHM = "statdesk-sample-v1";

    /**
     * Draws {@code size} members of {@code population} without replacement. Pure: records nothing.
     */
    Sample sample(List<String> population, int size, long seed);

    /** Hash of a population, independent of its order. */
    String populationHash(List<String> population);

    /** A fresh seed from a secure source. */
    long newSeed();

    /** The sample, in draw order, with what makes it verifiable. */
    record Sample(List<String> members, long seed, String populationHash, String algorithm) {
    }
}
