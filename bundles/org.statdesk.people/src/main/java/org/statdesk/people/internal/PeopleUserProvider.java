package org.statdesk.people.internal;

import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.audit.UserProvider;
import org.statdesk.api.people.Person;

/**
 * The journal's user: the signed-in person (login and display name), or the operating-system account while no one
 * is signed in (a data folder without users). Ranked above the audit bundle's own provider, which it falls back to.
 */
@Component(service = UserProvider.class, property = {Constants.SERVICE_RANKING + ":Integer=100",
        PeopleUserProvider.MARK + ":Boolean=true"})
public final class PeopleUserProvider implements UserProvider {
    static final String MARK = "statdesk.people";
    private final Sessions sessions;
    private final UserProvider os;

    @Activate
    public PeopleUserProvider(@Reference Sessions sessions,
            @Reference(target = "(!(" + MARK + "=true))") UserProvider os) {
        this.sessions = sessions;
        this.os = os;
    }

    @Override
    public String currentUser() {
        return sessions.current().map(Person::journalName).orElseGet(os::currentUser);
    }
}
