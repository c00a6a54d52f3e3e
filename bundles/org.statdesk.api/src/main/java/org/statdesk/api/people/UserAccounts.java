package org.statdesk.api.people;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Changes to the bureau's users (用户管理): what the {@code user:add}, {@code user:disable}, {@code user:unlock} and
 * {@code user:passwd} commands do, for the workbench's users view to do the same. Every change is journaled; bad
 * input is refused ({@link org.statdesk.api.command.BadInputException}) with nothing changed. The caller checks the
 * permission first ({@link People#require}), as the command line does before a command runs.
 *
 * @since 1.1
 */
@ProviderType
public interface UserAccounts {
    /** Adds a user; the first user of a data folder must be an administrator. The password array is wiped. */
    Person add(String login, String role, String county, String specialty, String display, char[] password)
            throws Exception;

    /** The user can no longer sign in; their journal entries stay theirs. */
    void disable(String login) throws Exception;

    /** Ends a lock-out after failed sign-ins. */
    void unlock(String login) throws Exception;

    /** Sets a new password (at least 10 characters); the array is wiped. */
    void changePassword(String login, char[] password) throws Exception;
}
