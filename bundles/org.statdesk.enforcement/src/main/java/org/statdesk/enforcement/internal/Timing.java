package org.statdesk.enforcement.internal;

/**
 * Phase timings of a draw or verify on stderr, when the JVM runs with {@code -Dstatdesk.enforcement.timing=true}
 * (e.g. through STATDESK_JAVA_OPTS): how the 2 s of issue 6 are spent, measured where they are spent.
 */
final class Timing {
    private static final boolean ON = Boolean.getBoolean("statdesk.enforcement.timing");
    private final String what;
    private long last = System.nanoTime();
    private final long start = last;

    Timing(String what) {
        this.what = what;
    }

    void lap(String phase) {
        if (ON) {
            long now = System.nanoTime();
            System.err.printf("%s: %s %.0f ms%n", what, phase, (now - last) / 1e6);
            last = now;
        }
    }

    void done() {
        if (ON) {
            lap("rest");
            System.err.printf("%s: total %.0f ms%n", what, (System.nanoTime() - start) / 1e6);
        }
    }
}
