package org.statdesk.registry.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import org.osgi.service.component.annotations.Component;
import org.statdesk.api.registry.Sampler;

/**
 * statdesk-sample-v1: each distinct member gets the key SHA-256(seed as 8 bytes big-endian ‖ member in UTF-8),
 * first 8 bytes as an unsigned number; the sample is the {@code size} members with the smallest keys, in key order
 * (ties by member). The order of the population and duplicates in it do not matter; a size above the number of
 * distinct members draws them all.
 */
@Component(service = Sampler.class)
public final class SamplerImpl implements Sampler {
    private final SecureRandom random = new SecureRandom();

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Sample sample(List<String> population, int size, long seed) {
        if (size < 0) {
            throw new IllegalArgumentException("sample size must not be negative: " + size);
        }
        String[] members = new TreeSet<>(population).toArray(new String[0]);
        MessageDigest md = sha256();
        byte[] seedBytes = ByteBuffer.allocate(8).putLong(seed).array();
        long[] keys = new long[members.length];
        Integer[] order = new Integer[members.length];
        for (int i = 0; i < members.length; i++) {
            md.update(seedBytes);
            keys[i] = ByteBuffer.wrap(md.digest(members[i].getBytes(StandardCharsets.UTF_8))).getLong();
            order[i] = i;
        }
        // members are sorted, so ties in the key fall back to member order
        Arrays.sort(order, (a, b) -> {
            int c = Long.compareUnsigned(keys[a], keys[b]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        List<String> out = new ArrayList<>(Math.min(size, members.length));
        for (int i = 0; i < Math.min(size, members.length); i++) {
            out.add(members[order[i]]);
        }
        return new Sample(List.copyOf(out), seed, hash(members), ALGORITHM);
    }

    @Override
    public String populationHash(List<String> population) {
        return hash(new TreeSet<>(population).toArray(new String[0]));
    }

    private static String hash(String[] sortedDistinct) {
        MessageDigest md = sha256();
        for (String m : sortedDistinct) {
            md.update(m.getBytes(StandardCharsets.UTF_8));
            md.update((byte) '\n');
        }
        return HexFormat.of().formatHex(md.digest());
    }

    @Override
    public long newSeed() {
        return random.nextLong() & Long.MAX_VALUE;
    }
}
