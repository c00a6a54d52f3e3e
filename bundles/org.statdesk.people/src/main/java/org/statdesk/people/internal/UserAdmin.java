package org.statdesk.people.internal;

import org.statdesk.api.people.UserAccounts;

/** What the {@code user:*} commands change (the workbench's users view uses the same, as {@link UserAccounts}). */
interface UserAdmin extends UserAccounts {
    Matrix matrix();
}
