package org.statdesk.audit.internal;

import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The part of verify that holds against whoever can write the database: every checkpoint is signed by a pinned key
 * and lies on the chain, the chain ends on a checkpoint, and it passes through every anchored head (the anchors
 * file, a head given on the command line). Fed the entries while the chain is walked, so it costs a map lookup each.
 */
final class TrustCheck {
    interface Sink {
        void problem(String table, String key, String field, String message);
    }

    private final Anchors.Trust trust;
    private final NavigableMap<Long, String> expected = new TreeMap<>();
    private final Map<Long, String> sourceOf = new java.util.HashMap<>();
    private final NavigableMap<Long, Checkpoints.Checkpoint> signed = new TreeMap<>();
    private final Sink sink;
    private final int checkpointCount;
    private Verifier.Mismatch mismatch;
    private long lastMatchedAnchor;
    private long next = Long.MIN_VALUE;

    TrustCheck(Anchors.Trust trust, org.statdesk.api.audit.TrustAnchors.Head given, List<Checkpoints.Checkpoint> cps,
            Sink sink) {
        this.trust = trust;
        this.sink = sink;
        this.checkpointCount = cps.size();
        trust.heads().forEach((seq, hash) -> {
            expected.put(seq, hash);
            sourceOf.put(seq, trust.source());
        });
        if (given != null) {
            String had = expected.put(given.seq(), given.hash());
            sourceOf.put(given.seq(), "--head");
            if (had != null && !had.equals(given.hash())) {
                mismatch(new Verifier.Mismatch(given.seq(), given.hash(), had, "--head"),
                        "给定的链头与本机信任锚不符：信任锚中该条目的哈希为 " + had);
            }
        }
        for (String d : trust.damaged()) {
            sink.problem("anchors", trust.source(), "*", "信任锚文件有无法读取的行：" + d);
        }
        for (Checkpoints.Checkpoint cp : cps) {
            boolean seal = Checkpoints.isSeal(cp);
            boolean mine = seal && trust.local() != null && cp.keyId().equals(trust.local().macId());
            PublicKey key = seal ? null : trust.keys().get(cp.keyId());
            if ((key != null || mine) && cp.equals(trust.checkpoints().get(cp.seq()))) {
                // anchored as it stands, after its signature was checked: the anchor outside the database vouches
                // for it, and verify need not check thousands of signatures again
                signed.put(cp.seq(), cp);
            } else if (seal && !mine) {
                continue; // another installation's seal: nobody here can check it, so it vouches for nothing
            } else if (key == null && !mine) {
                sink.problem("aud_checkpoint", Long.toString(cp.seq()), "key_id", "检查点由未登记的密钥 " + cp.keyId()
                        + " 签名：数据库来自别处，或检查点是伪造的");
            } else if (!Checkpoints.valid(cp, trust.keys(), trust.local())) {
                sink.problem("aud_checkpoint", Long.toString(cp.seq()), "signature",
                        "检查点的签名不符：检查点被伪造或修改");
            } else {
                signed.put(cp.seq(), cp);
            }
        }
    }

    int checkpoints() {
        return checkpointCount;
    }

    Verifier.Mismatch mismatch() {
        return mismatch;
    }

    private void mismatch(Verifier.Mismatch m, String message) {
        if (mismatch == null) {
            mismatch = m;
        }
        sink.problem("anchors", Long.toString(m.seq()), "hash", message + "（来源 " + m.source() + "）");
    }

    /** One entry of the chain as stored. */
    void entry(long seq, String hash) {
        // most entries have neither checkpoint nor anchor: one comparison, no lookup (entries come in seq order;
        // a journal out of order is reported by the chain)
        if (seq < next) {
            return;
        }
        Long a = signed.higherKey(seq);
        Long b = expected.higherKey(seq);
        next = Math.min(a == null ? Long.MAX_VALUE : a, b == null ? Long.MAX_VALUE : b);
        Checkpoints.Checkpoint cp = signed.get(seq);
        if (cp != null && !cp.hash().equals(hash)) {
            sink.problem("aud_checkpoint", Long.toString(seq), "hash",
                    "审计日志不经过此签名检查点：检查点之前的条目被改写（哈希重新计算也无法伪造签名）");
        }
        String want = expected.get(seq);
        if (want != null && want.equals(hash)) {
            lastMatchedAnchor = seq;
        } else if (want != null && mismatch == null) {
            mismatch(new Verifier.Mismatch(seq, want, hash, sourceOf.get(seq)),
                    "数据库中的审计日志与信任锚记录的历史不同：数据库被替换为另一份历史（别处制作或改写后重算）");
        }
    }

    /** After the walk: what lies beyond the journal's end, and whether its end is signed. */
    void finish(long lastSeq) {
        var beyond = signed.tailMap(lastSeq, false);
        if (!beyond.isEmpty()) {
            sink.problem("aud_checkpoint", Long.toString(beyond.firstKey()), "seq", "签名检查点 " + beyond.firstKey()
                    + " 超出审计日志末尾（最后条目 " + lastSeq + "）：日志末尾的条目被删除");
        }
        var later = expected.tailMap(lastSeq, false);
        if (!later.isEmpty() && mismatch == null) {
            long seq = later.lastKey();
            mismatch(new Verifier.Mismatch(seq, later.get(seq), null, sourceOf.get(seq)), "数据库比信任锚旧：信任锚记录到条目 "
                    + seq + "，数据库只到 " + lastSeq + "（数据库被回滚、替换为旧副本，或末尾被截去）");
        }
        if (!trust.keys().isEmpty() && lastSeq > 0) {
            // a head anchored outside the database (a restored backup's) vouches for the entries as a signature does
            Long lastSigned = signed.floorKey(lastSeq);
            long covered = Math.max(lastSigned == null ? 0 : lastSigned, lastMatchedAnchor);
            if (covered != lastSeq) {
                long from = covered + 1;
                sink.problem("aud_journal", Long.toString(from), "hash", "审计日志条目 " + from
                        + (lastSeq > from ? "-" + lastSeq : "") + " 没有签名检查点：在 StatDesk 之外写入");
            }
        }
    }
}
