package org.statdesk.people.internal;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.osgi.service.component.annotations.Component;
import org.statdesk.api.people.Person;

/**
 * The person of this process, not of a thread: a command's work may run on several threads (parallel checks, the
 * workbench's background jobs), and every one of them acts for the same signed-in person.
 */
@Component(service = Sessions.class)
public final class ProcessSessions implements Sessions {
    private volatile Person person;

    @Override
    public void signInProcess(Person p) {
        person = p;
    }

    @Override
    public Optional<Person> current() {
        return Optional.ofNullable(person);
    }

    @Override
    public <T> T runAs(Person p, Callable<T> work) throws Exception {
        Person before = person;
        person = p;
        try {
            return work.call();
        } finally {
            person = before;
        }
    }
}
