package org.statdesk.store.internal;

/**
 * H2's automatic server (AUTO_SERVER=TRUE, so that a second process can use the database while the workbench has it
 * open) listens on every network interface unless told otherwise: anyone on the bureau's network who learns the
 * port could then try the database. H2 2.4 binds its servers, the automatic one included, to {@code h2.bindAddress},
 * (the lock file names {@code localhost}, which the second process reaches on 127.0.0.1). H2 reads the property
 * once per JVM, when its first class that needs it loads; in the distribution that is already the H2 bundle's
 * activator, before the store starts, so {@code bin/statdesk} sets it on the command line. This is the fallback for
 * other ways of starting the framework (an embedding, a test) where H2 has not read it yet.
 */
final class H2Loopback {
    static final String PROPERTY = "h2.bindAddress";

    private H2Loopback() {
    }

    static void bind() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, "127.0.0.1");
        }
    }
}
