package org.statdesk.audit.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;
import org.statdesk.api.audit.UserProvider;

/**
 * The OS account as the StatDesk user until sign-in exists. Registered with a low ranking so that a sign-in bundle's
 * provider, registered with a higher one, takes over (the journal binds greedily).
 * <p>
 * Never {@code user.name}: any {@code -Duser.name=...} in {@code STATDESK_JAVA_OPTS} would journal every change under
 * that name. The account is asked of the operating system (the JDK's own login module, loaded from the platform
 * class loader, as no bundle imports it; on other systems the owner of a file this process creates), once.
 */
@Component(service = UserProvider.class, property = Constants.SERVICE_RANKING + ":Integer=-100")
public final class OsUserProvider implements UserProvider {
    /** What the journal records when the operating system names no account. */
    static final String UNKNOWN = "unknown-os-user";
    private final String user = account();

    @Override
    public String currentUser() {
        return user;
    }

    static String account() {
        String name = fromLoginModule("com.sun.security.auth.module.UnixSystem", "getUsername");
        if (name == null) {
            name = fromLoginModule("com.sun.security.auth.module.NTSystem", "getName");
        }
        if (name == null) {
            name = ownerOfNewFile();
        }
        if (name == null) {
            System.err.println("statdesk: the operating system did not name the account; the journal records "
                    + UNKNOWN);
            return UNKNOWN;
        }
        return name;
    }

    /** The account's name from the JDK's login module (jdk.security.auth), which asks the OS (getpwuid, Windows). */
    private static String fromLoginModule(String cls, String getter) {
        try {
            Class<?> c = ClassLoader.getPlatformClassLoader().loadClass(cls);
            Object o = c.getConstructor().newInstance();
            Object n = c.getMethod(getter).invoke(o);
            return n instanceof String s && !s.isBlank() ? s : null;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException notHere) {
            return null; // not this operating system, or a runtime without jdk.security.auth
        }
    }

    /** The owner of a file just created: the account the process runs as, named by the file system. */
    private static String ownerOfNewFile() {
        Path p = null;
        try {
            p = Files.createTempFile("statdesk-user", ".tmp");
            String n = Files.getOwner(p).getName();
            return n == null || n.isBlank() ? null : n;
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
            return null;
        } finally {
            if (p != null) {
                try {
                    Files.deleteIfExists(p);
                } catch (java.io.IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }
}
