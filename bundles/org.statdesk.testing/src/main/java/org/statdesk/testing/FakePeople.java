package org.statdesk.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import org.statdesk.api.command.NotPermittedException;
import org.statdesk.api.people.People;
import org.statdesk.api.people.Person;
import org.statdesk.api.people.Scope;

/**
 * A data folder with users where one person is signed in and holds the permissions a test gives them; {@link #become}
 * signs another in (two people of one bureau in turn). Every permission asked for is recorded.
 */
public final class FakePeople implements People {
    private volatile Person person;
    private volatile Set<String> held;
    private final List<String> asked = new CopyOnWriteArrayList<>();

    private FakePeople(Person person, Set<String> held) {
        this.person = person;
        this.held = held;
    }

    /** {@code person} signed in, holding {@code permissions}. */
    public static FakePeople as(Person person, String... permissions) {
        return new FakePeople(person, Set.of(permissions));
    }

    /** A county user (县区统计局) of {@code county} named {@code login}. */
    public static Person county(String login, String county) {
        return new Person(login, login, Person.COUNTY, county, null);
    }

    /** A section user (专业科室) of {@code specialty} named {@code login}. */
    public static Person section(String login, String specialty) {
        return new Person(login, login, Person.SECTION, null, specialty);
    }

    /** Signs {@code next} in instead, holding {@code permissions}; null: no one signed in. */
    public FakePeople become(Person next, String... permissions) {
        person = next;
        held = Set.of(permissions);
        return this;
    }

    /** The permissions asked for so far, in order. */
    public List<String> asked() {
        return new ArrayList<>(asked);
    }

    /** How the journal names the person signed in, as the people bundle's user provider does. */
    public String journalUser() {
        Person p = person;
        return p == null ? "nobody" : p.journalName();
    }

    @Override
    public boolean hasUsers() {
        return true;
    }

    @Override
    public Person signIn(String login, char[] password) {
        throw new NotPermittedException("sign-in failed", null);
    }

    @Override
    public Person signInForSession(String login, char[] password) {
        return signIn(login, password);
    }

    /** Tests sign people in with {@link #become}, the one person of the process, as the people bundle keeps it. */
    @Override
    public <T> T runAs(Person p, Callable<T> work) {
        throw new UnsupportedOperationException("use become(person, permissions...)");
    }

    @Override
    public Optional<Person> current() {
        return Optional.ofNullable(person);
    }

    @Override
    public boolean allows(String role, String permission) {
        return held.contains(permission);
    }

    @Override
    public Person require(String permission) {
        asked.add(permission);
        Person p = person;
        if (p == null) {
            throw new NotPermittedException("not signed in", permission);
        }
        if (permission != null && !permission.isEmpty() && !held.contains(permission)) {
            throw new NotPermittedException("not permitted: " + p.login() + " may not " + permission, permission);
        }
        return p;
    }

    @Override
    public Scope scope() {
        Person p = person;
        return p == null ? Scope.nobody() : p.scope();
    }

    @Override
    public void requireScope(String county, String specialty) {
        scope().require(county, specialty);
    }

    @Override
    public List<User> users() {
        Person p = person;
        return p == null ? List.of() : List.of(new User(p.login(), p.display(), p.role(), p.county(),
                p.specialty(), true, false, "2026-01-01T00:00:00Z"));
    }
}
