package org.statdesk.people.internal;

import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.audit.Journal;
import org.statdesk.api.audit.UserProvider;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.command.InputError;
import org.statdesk.api.command.NotPermittedException;
import org.statdesk.api.input.Inputs;
import org.statdesk.api.people.People;
import org.statdesk.api.people.Person;
import org.statdesk.api.people.Scope;
import org.statdesk.api.people.UserAccounts;
import org.statdesk.api.store.Store;

/**
 * The bureau's people: users in {@code ppl_user}, sign-in with lock-out, the permission matrix, and the scope rule
 * (a county user acts on their county, a section user on their specialty).
 */
@Component(service = {People.class, UserAdmin.class, UserAccounts.class})
public final class PeopleImpl implements People, UserAdmin {
    static final String BUNDLE = "org.statdesk.people";
    /** One message for an unknown user, a wrong password, a disabled or a locked account: it tells an attacker nothing. */
    static final String SIGN_IN_FAILED = "sign-in failed: wrong user name or password, or the account is locked or "
            + "disabled (登录失败)";
    static final int MAX_FAILURES = 5;
    static final long LOCK_MINUTES = 15;
    private static final Pattern LOGIN = Pattern.compile("[a-z][a-z0-9_.-]{1,31}");
    private static final Pattern COUNTY = Pattern.compile("\\d{6}");
    private static final Pattern SPECIALTY = Pattern.compile("[a-z][a-z_]{1,39}");
    // Compared against when the user does not exist, so that a sign-in takes as long either way (the same iterations,
    // so the same derivation). A fixed string, not a hash made at start: that cost 600,000 iterations (2 s on the
    // client compiler) in every process, signed in or not. Its expected value is all zeros, which no password yields.
    static final String DUMMY = "pbkdf2-sha256$" + Passwords.ITERATIONS + "$c3RhdGRlc2stbm8tdXNlcg$"
            + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    private final Store store;
    private final Journal journal;
    private final Sessions sessions;
    private final UserProvider os;
    private final Matrix matrix = Matrix.load();

    @Activate
    public PeopleImpl(@Reference Store store, @Reference Journal journal, @Reference Sessions sessions,
            @Reference(target = "(!(" + PeopleUserProvider.MARK + "=true))") UserProvider os,
            @Reference PeopleTables schema) {
        this(store, journal, sessions, os);
    }

    PeopleImpl(Store store, Journal journal, Sessions sessions, UserProvider os) {
        this.store = store;
        this.journal = journal;
        this.sessions = sessions;
        this.os = os;
    }

    @Override
    public boolean hasUsers() {
        try (Connection c = store.connection()) {
            return UserTable.count(c) > 0;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the users: " + e.getMessage(), e);
        }
    }

    private enum Outcome { OK, FAILED, LOCKED }

    @Override
    public Person signIn(String login, char[] password) {
        try {
            Object[] result = store.inTransaction(c -> {
                Optional<UserTable.Row> found = UserTable.find(c, login == null ? "" : login);
                if (found.isEmpty()) {
                    Passwords.matches(password, DUMMY);
                    journal.record(c, change("sign_in", login, "failed (unknown user)"));
                    return new Object[] {Outcome.FAILED, null};
                }
                UserTable.Row u = found.get();
                Instant now = Instant.now();
                if (u.lockedUntil() != null && u.lockedUntil().isAfter(now)) {
                    journal.record(c, change("sign_in", login, "refused (locked until " + u.lockedUntil() + ")"));
                    return new Object[] {Outcome.LOCKED, null};
                }
                boolean good = Passwords.matches(password, u.passwordHash());
                if (!good || !u.enabled()) {
                    int failed = u.failed() + 1;
                    Instant lock = failed >= MAX_FAILURES ? now.plus(LOCK_MINUTES, ChronoUnit.MINUTES) : null;
                    UserTable.failed(c, login, lock == null ? failed : 0, lock);
                    journal.record(c, change("sign_in", login, !u.enabled() ? "refused (disabled)"
                            : "failed (" + failed + " in a row)"));
                    if (lock != null) {
                        journal.record(c, change("lock", login, "locked until " + lock));
                    }
                    return new Object[] {Outcome.FAILED, null};
                }
                UserTable.clearFailures(c, login);
                journal.record(c, change("sign_in", login, "ok"));
                return new Object[] {Outcome.OK, person(u)};
            });
            if (result[0] != Outcome.OK) {
                throw new NotPermittedException(SIGN_IN_FAILED, null);
            }
            return (Person) result[1];
        } catch (NotPermittedException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("sign-in could not be checked: " + e.getMessage(), e);
        } finally {
            Passwords.wipe(password);
        }
    }

    @Override
    public Person signInForSession(String login, char[] password) {
        Person p = signIn(login, password);
        sessions.signInProcess(p);
        return p;
    }

    private static Journal.Change change(String field, String login, String outcome) {
        return new Journal.Change(BUNDLE, "user", login, field, null, outcome, null);
    }

    private static Person person(UserTable.Row u) {
        return new Person(u.login(), u.display(), u.role(), u.county(), u.specialty());
    }

    @Override
    public <T> T runAs(Person person, Callable<T> work) throws Exception {
        return sessions.runAs(person, work);
    }

    @Override
    public Optional<Person> current() {
        Optional<Person> p = sessions.current();
        if (p.isPresent() || hasUsers()) {
            return p;
        }
        String me = os.currentUser();
        return Optional.of(new Person(me, me, Person.ADMIN, null, null));
    }

    @Override
    public boolean allows(String role, String permission) {
        return matrix.allows(role, permission);
    }

    @Override
    public Person require(String permission) {
        if (!hasUsers()) {
            return current().orElseThrow();
        }
        Person p = sessions.current().orElseThrow(() -> new NotPermittedException(
                "not signed in: this data folder has users; sign in with statdesk --user NAME (password from "
                        + "STATDESK_PASSWORD or asked on the terminal)", permission));
        if (!matrix.allows(p.role(), permission)) {
            throw new NotPermittedException("not permitted: " + p.journalName() + " (" + p.role() + ") may not "
                    + permission, permission);
        }
        return p;
    }

    @Override
    public Scope scope() {
        // the signed-in person first: a run always has one, so no read of ppl_user per call
        Optional<Person> p = sessions.current();
        if (p.isPresent()) {
            return p.get().scope();
        }
        return hasUsers() ? Scope.nobody() : Scope.everything();
    }

    @Override
    public void requireScope(String county, String specialty) {
        scope().require(county, specialty);
    }

    @Override
    public List<User> users() {
        try (Connection c = store.connection()) {
            Instant now = Instant.now();
            return UserTable.all(c).stream().map(u -> new User(u.login(), u.display(), u.role(), u.county(),
                    u.specialty(), u.enabled(), u.lockedUntil() != null && u.lockedUntil().isAfter(now),
                    u.created().toString())).toList();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the users: " + e.getMessage(), e);
        }
    }

    @Override
    public Person add(String login, String role, String county, String specialty, String display, char[] password)
            throws Exception {
        List<InputError> errors = new java.util.ArrayList<>();
        if (login == null || !LOGIN.matcher(login).matches()) {
            errors.add(InputError.of("name", Inputs.shown(login), "a user name is 2-32 characters: a lower-case "
                    + "letter, then letters, digits, '_', '.', '-'"));
        }
        if (!Matrix.ROLES.contains(role)) {
            errors.add(InputError.of("role", Inputs.shown(role), "role is one of admin, census, section, county, "
                    + "enforcement, leader"));
        }
        if (Person.COUNTY.equals(role) && (county == null || !COUNTY.matcher(county).matches())) {
            errors.add(InputError.of("county", Inputs.shown(county), "a county user needs --county, a 6-digit "
                    + "county code"));
        } else if (county != null && !Person.COUNTY.equals(role)) {
            errors.add(InputError.of("county", county, "only a county user has a county"));
        }
        if (Person.SECTION.equals(role) && (specialty == null || !SPECIALTY.matcher(specialty).matches())) {
            errors.add(InputError.of("specialty", Inputs.shown(specialty), "a section user needs --specialty, e.g. "
                    + "a specialty feature's name"));
        } else if (specialty != null && !Person.SECTION.equals(role)) {
            errors.add(InputError.of("specialty", specialty, "only a section user has a specialty"));
        }
        try {
            Inputs.text(display, 100);
        } catch (Inputs.InvalidValueException e) {
            errors.add(InputError.of("display", Inputs.shown(display), e.getMessage()));
        }
        String weak = Passwords.weakness(password);
        if (weak != null) {
            errors.add(InputError.of("password", null, weak));
        }
        if (!errors.isEmpty()) {
            Passwords.wipe(password);
            throw new BadInputException(errors.get(0).message(), errors);
        }
        String hash = Passwords.hash(password);
        Passwords.wipe(password);
        UserTable.Row row = new UserTable.Row(login, display == null || display.isBlank() ? login : display, role,
                county, specialty, hash, true, 0, null, Instant.now());
        store.inTransaction(c -> {
            if (UserTable.count(c) == 0 && !Person.ADMIN.equals(role)) {
                throw new BadInputException("the first user of a data folder must be an administrator (--role admin)",
                        List.of(InputError.of("role", role, "the first user must be admin")));
            }
            if (UserTable.find(c, login).isPresent()) {
                throw new BadInputException("user " + login + " exists already",
                        List.of(InputError.of("name", login, "exists already")));
            }
            UserTable.insert(c, row);
            journal.recordRow(c, UserTable.TABLE, login, "*", null, role + (county == null ? "" : " " + county)
                    + (specialty == null ? "" : " " + specialty), "user:add");
            return null;
        });
        return person(row);
    }

    private UserTable.Row existing(Connection c, String login) throws Exception {
        return UserTable.find(c, login == null ? "" : login).orElseThrow(() -> new BadInputException(
                "no user " + Inputs.shown(login), List.of(InputError.of("name", Inputs.shown(login), "no such user"))));
    }

    @Override
    public void disable(String login) throws Exception {
        store.inTransaction(c -> {
            UserTable.Row u = existing(c, login);
            if (u.enabled()) {
                UserTable.setEnabled(c, login, false);
                journal.recordRow(c, UserTable.TABLE, login, "enabled", "true", "false", "user:disable");
            }
            return null;
        });
    }

    @Override
    public void unlock(String login) throws Exception {
        store.inTransaction(c -> {
            existing(c, login);
            UserTable.clearFailures(c, login);
            journal.record(c, change("lock", login, "unlocked"));
            return null;
        });
    }

    @Override
    public void changePassword(String login, char[] password) throws Exception {
        String weak = Passwords.weakness(password);
        if (weak != null) {
            Passwords.wipe(password);
            throw new BadInputException(weak, List.of(InputError.of("password", null, weak)));
        }
        String hash = Passwords.hash(password);
        Passwords.wipe(password);
        store.inTransaction(c -> {
            existing(c, login);
            UserTable.setPassword(c, login, hash);
            // the journal says that it changed, never the hash
            journal.recordRow(c, UserTable.TABLE, login, "password", null, "(changed)", "user:passwd");
            return null;
        });
    }

    @Override
    public Matrix matrix() {
        return matrix;
    }
}
