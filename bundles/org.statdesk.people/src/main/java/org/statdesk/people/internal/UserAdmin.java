package org.statdesk.people.internal;

import org.statdesk.api.people.Person;

/** What the {@code user:*} commands change; every change journaled, bad input refused with nothing changed. */
interface UserAdmin {
    /** Adds a user; the first user of a data folder must be an administrator. */
    Person add(String login, String role, String county, String specialty, String display, char[] password)
            throws Exception;

    void disable(String login) throws Exception;

    void unlock(String login) throws Exception;

    void changePassword(String login, char[] password) throws Exception;

    Matrix matrix();
}
