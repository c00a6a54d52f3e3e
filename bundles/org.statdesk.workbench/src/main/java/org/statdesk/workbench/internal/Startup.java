package org.statdesk.workbench.internal;

import java.lang.management.ManagementFactory;

/** Start-up milestones on stderr when {@code -Dstatdesk.trace=true}: where the seconds to a window go. */
final class Startup {
    private static final boolean ON = Boolean.getBoolean("statdesk.trace");

    private Startup() {
    }

    static void mark(String what) {
        if (ON) {
            long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.err.println("statdesk.workbench: " + what + " at " + ms + " ms [" + Thread.currentThread().getName()
                    + "]");
        }
    }
}
