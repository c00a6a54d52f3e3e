package org.statdesk.people.internal;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.statdesk.api.people.Person;

/** Who works in this process now; one StatDesk process (a workbench, a console, a run) serves one person at a time. */
interface Sessions {
    Optional<Person> current();

    /** The person for the rest of this process (the workbench after its sign-in dialog). */
    void signInProcess(Person person);

    <T> T runAs(Person person, Callable<T> work) throws Exception;
}
