package org.statdesk.runtime.internal;

import java.io.Console;
import java.util.concurrent.Callable;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;
import org.statdesk.api.command.NotPermittedException;
import org.statdesk.api.people.People;
import org.statdesk.api.people.Person;

/**
 * Sign-in before a command runs (登录): in a data folder with users, {@code statdesk --user NAME run ...} signs in
 * with the password from {@code STATDESK_PASSWORD} (or asked without echo on a terminal), checks the permission the
 * command declares, and runs it as that person. Without users (or without the people bundle) commands run as today.
 */
final class SignIn {
    static final String USER_PROPERTY = "statdesk.user";
    static final String PASSWORD_ENV = "STATDESK_PASSWORD";
    private final BundleContext context;
    private final ServiceTracker<People, People> people;

    SignIn(BundleContext context) {
        this.context = context;
        this.people = new ServiceTracker<>(context, People.class, null);
        this.people.open();
    }

    void close() {
        people.close();
    }

    /** The people service, waited for briefly when its bundle is installed but still activating. */
    private People people() {
        People p = people.getService();
        if (p != null || !installed()) {
            return p;
        }
        try {
            return people.waitForService(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private boolean installed() {
        for (var b : context.getBundles()) {
            if ("org.statdesk.people".equals(b.getSymbolicName())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs {@code work} as the person named by {@code --user}, after checking {@code permission}.
     *
     * @throws NotPermittedException when no one signed in, the sign-in failed or the permission is missing (exit 3)
     */
    <T> T run(String permission, Callable<T> work) throws Exception {
        People p = people();
        String login = context.getProperty(USER_PROPERTY);
        if (p == null) {
            if (login != null) {
                throw new NotPermittedException("sign-in is not available: the people bundle is not running", null);
            }
            return work.call();
        }
        if (login == null) {
            if (p.hasUsers()) {
                throw new NotPermittedException("not signed in: this data folder has users; run statdesk --user NAME"
                        + " ... (password from " + PASSWORD_ENV + " or asked on the terminal)", permission);
            }
            Person os = p.current().orElseThrow();
            return p.runAs(os, work);
        }
        if (!"run".equals(context.getProperty("statdesk.mode"))) {
            // the console and the workbench serve one person for the whole session: sign in once
            Person session = p.current().orElse(null);
            if (session == null || !session.login().equals(login)) {
                session = p.signInForSession(login, password(login));
            }
            p.require(permission);
            return work.call();
        }
        Person person = p.signIn(login, password(login));
        return p.runAs(person, () -> {
            p.require(permission);
            return work.call();
        });
    }

    private static char[] password(String login) {
        String env = System.getenv(PASSWORD_ENV);
        if (env != null) {
            return env.toCharArray();
        }
        Console console = System.console();
        if (console == null) {
            throw new NotPermittedException("not signed in: no password for " + login + " (set " + PASSWORD_ENV
                    + " or run on a terminal)", null);
        }
        char[] pw = console.readPassword("密码 (password for %s): ", login);
        return pw == null ? new char[0] : pw;
    }
}
