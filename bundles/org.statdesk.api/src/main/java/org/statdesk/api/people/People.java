package org.statdesk.api.people;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.osgi.annotation.versioning.ProviderType;
import org.statdesk.api.command.NotPermittedException;

/**
 * The people of a bureau and who is working now (人员与登录). A data folder without users works as a single
 * workstation: its operating-system account is the administrator and may do every step. From the first user on,
 * every command needs sign-in, and each person acts within their role, county and specialty.
 */
@ProviderType
public interface People {
    /** Whether any user exists; false: a single workstation without sign-in. */
    boolean hasUsers();

    /**
     * Checks the password; after 5 failed sign-ins in a row the user is locked for 15 minutes. The same message for an
     * unknown user and a wrong password. Sign-ins, failures and lock-outs are journaled.
     *
     * @throws NotPermittedException when the sign-in fails (exit 3), without naming the reason beyond "locked"
     */
    Person signIn(String login, char[] password);

    /**
     * Signs in (as {@link #signIn}) for the rest of this process: the workbench after its sign-in dialog, where one
     * window serves one person until it closes.
     */
    Person signInForSession(String login, char[] password);

    /**
     * Runs {@code work} as {@code person}: {@link #current()} on this thread gives them, and the journal names them.
     */
    <T> T runAs(Person person, Callable<T> work) throws Exception;

    /**
     * The person working on this thread: the signed-in person, or, in a data folder without users, the
     * operating-system account as administrator. Empty when users exist and no one signed in.
     */
    Optional<Person> current();

    /** Whether {@code role} has {@code permission} (the matrix that {@code user:roles} prints). */
    boolean allows(String role, String permission);

    /**
     * Requires that the current person has {@code permission}; in a data folder without users everything is
     * permitted.
     *
     * @throws NotPermittedException naming the permission
     */
    Person require(String permission);

    /**
     * Requires that the current person covers a unit of {@code county} and {@code specialty} (a county user their
     * county, a section user their specialty): acting outside is "not permitted", never "unknown unit".
     */
    void requireScope(String county, String specialty);

    /**
     * What the person working now may see and change ({@link Person#scope()}); everything in a data folder without
     * users; {@link Scope#nobody()} (nothing seen, acting refused) when it has users and no one is signed in.
     *
     * @since 1.1
     */
    Scope scope();

    /** Every user (never their passwords). */
    List<User> users();

    /** A user as {@code user:list} shows them. */
    record User(String login, String display, String role, String county, String specialty, boolean enabled,
            boolean locked, String created) {
    }
}
