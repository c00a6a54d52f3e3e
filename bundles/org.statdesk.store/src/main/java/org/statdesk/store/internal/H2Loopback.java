package org.statdesk.store.internal;

/**
 * H2's automatic server (AUTO_SERVER=TRUE, so that a second process can use the database while the workbench has it
 * open) listens on every network interface unless told otherwise: anyone on the bureau's network who learns the
 * port could then try the database. H2 2.4 binds its servers, the automatic one included, to {@code h2.bindAddress},
 * and writes that address into the lock file for the second process to connect to. The property is read once, when
 * H2 opens its first database, so it is set before the store opens one.
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
