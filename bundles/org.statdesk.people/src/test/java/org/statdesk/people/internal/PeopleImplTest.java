package org.statdesk.people.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.command.NotPermittedException;
import org.statdesk.api.people.Person;
import org.statdesk.testing.MemoryStore;
import org.statdesk.testing.RecordingJournal;

class PeopleImplTest {
    private MemoryStore store;
    private RecordingJournal journal;
    private ProcessSessions sessions;
    private PeopleImpl people;

    @BeforeEach
    void setUp() throws Exception {
        store = MemoryStore.withOwnMigrations();
        journal = RecordingJournal.inTable(store);
        sessions = new ProcessSessions();
        people = new PeopleImpl(store, journal, sessions, () -> "wuwei");
    }

    private static char[] pw(String s) {
        return s.toCharArray();
    }

    @Test
    void withoutUsersTheOsAccountIsTheAdministratorAndMayDoEverything() {
        assertFalse(people.hasUsers());
        Person me = people.current().orElseThrow();
        assertEquals(new Person("wuwei", "wuwei", "admin", null, null), me);
        assertEquals("wuwei", people.require("enforcement.draw").login(), "no separation of duties without users");
        people.requireScope("620621", "trade");
        assertTrue(people.scope().isEverything());
    }

    @Test
    void theScopeIsTheSignedInPersonsCountyOrSpecialty() throws Exception {
        people.add("admin", "admin", null, null, null, pw("a long admin pass"));
        people.add("liwei", "county", "620602", null, "李伟", pw("凉州区统计局2026"));
        people.add("zhang", "section", null, "trade", "张敏", pw("贸易科的密码很长很长"));
        assertFalse(people.scope().covers("620602", "trade"), "with users, no one signed in sees nothing");
        assertEquals("scope", assertThrows(NotPermittedException.class,
                () -> people.scope().require("620602", "trade")).permission());
        people.runAs(people.signIn("liwei", pw("凉州区统计局2026")), () -> {
            assertEquals("620602", people.scope().county());
            assertTrue(people.scope().covers("620602", "trade"));
            assertFalse(people.scope().covers("620621", "industrial"));
            return null;
        });
        people.runAs(people.signIn("zhang", pw("贸易科的密码很长很长")), () -> {
            assertTrue(people.scope().covers("620621", "trade"));
            assertFalse(people.scope().covers("620621", "industrial"));
            Person p = people.current().orElseThrow();
            assertTrue(p.named("zhang（张敏）") && p.named("zhang") && !p.named("zhangsan"));
            return null;
        });
        people.runAs(people.signIn("admin", pw("a long admin pass")), () -> {
            assertTrue(people.scope().isEverything());
            return null;
        });
    }

    @Test
    void theFirstUserMustBeAnAdministrator() throws Exception {
        BadInputException e = assertThrows(BadInputException.class,
                () -> people.add("liwei", "county", "620602", null, "李伟", pw("凉州区统计局2026")));
        assertTrue(e.getMessage().contains("first user"), e.getMessage());
        assertEquals(0, store.count("ppl_user"));
        people.add("admin", "admin", null, null, "系统管理员", pw("a long admin pass"));
        assertTrue(people.hasUsers());
        assertTrue(people.current().isEmpty(), "from the first user on, no one is signed in by default");
    }

    @Test
    void badInputIsRefusedWithEveryProblemNamedAndNothingStored() throws Exception {
        BadInputException e = assertThrows(BadInputException.class,
                () -> people.add("Li Wei", "mayor", null, null, "李\u202e伟", pw("short")));
        List<String> fields = e.errors().stream().map(x -> x.field()).toList();
        assertEquals(List.of("name", "role", "display", "password"), fields);
        assertThrows(BadInputException.class, () -> people.add("county1", "county", null, null, null,
                pw("0123456789ab")), "a county user needs a county");
        assertThrows(BadInputException.class, () -> people.add("sec1", "section", null, null, null,
                pw("0123456789ab")), "a section user needs a specialty");
        assertEquals(0, store.count("ppl_user"));
    }

    @Test
    void signInChecksThePasswordAndJournalsEveryAttemptWithoutThePassword() throws Exception {
        people.add("admin", "admin", null, null, "系统管理员", pw("a long admin pass"));
        people.add("liwei", "county", "620602", null, "李伟", pw("凉州区统计局2026"));
        Person p = people.signIn("liwei", pw("凉州区统计局2026"));
        assertEquals(new Person("liwei", "李伟", "county", "620602", null), p);
        NotPermittedException wrong = assertThrows(NotPermittedException.class,
                () -> people.signIn("liwei", pw("wrong password")));
        NotPermittedException unknown = assertThrows(NotPermittedException.class,
                () -> people.signIn("nobody", pw("wrong password")));
        assertEquals(wrong.getMessage(), unknown.getMessage(), "an unknown user and a wrong password read the same");
        List<String> outcomes = journal.entries("user").stream().filter(r -> r.field().equals("sign_in"))
                .map(r -> r.key() + " " + r.newValue()).toList();
        assertEquals(List.of("liwei ok", "liwei failed (1 in a row)", "nobody failed (unknown user)"), outcomes);
        String all = journal.entries().toString() + store.query("SELECT STRING_AGG(password_hash, ',') FROM ppl_user");
        assertFalse(all.contains("凉州区统计局2026"), "no password in clear in the journal or the table");
    }

    @Test
    void fiveFailuresInARowLockTheUserUntilAnAdministratorUnlocks() throws Exception {
        people.add("admin", "admin", null, null, null, pw("a long admin pass"));
        people.add("zhang", "section", null, "industrial", "张敏", pw("工业科的密码2026"));
        for (int i = 0; i < 5; i++) {
            assertThrows(NotPermittedException.class, () -> people.signIn("zhang", pw("guess guess")));
        }
        assertTrue(people.users().stream().filter(u -> u.login().equals("zhang")).findFirst().orElseThrow().locked());
        assertThrows(NotPermittedException.class, () -> people.signIn("zhang", pw("工业科的密码2026")),
                "locked: even the right password is refused");
        people.unlock("zhang");
        assertEquals("zhang", people.signIn("zhang", pw("工业科的密码2026")).login());
    }

    @Test
    void aDisabledUserCannotSignIn() throws Exception {
        people.add("admin", "admin", null, null, null, pw("a long admin pass"));
        people.add("wang", "leader", null, null, "王局长", pw("领导的密码很长很长的"));
        people.disable("wang");
        assertThrows(NotPermittedException.class, () -> people.signIn("wang", pw("领导的密码很长很长的")));
    }

    @Test
    void permissionsAndScopeFollowTheSignedInPerson() throws Exception {
        people.add("admin", "admin", null, null, null, pw("a long admin pass"));
        people.add("liwei", "county", "620602", null, "李伟", pw("凉州区统计局2026"));
        NotPermittedException none = assertThrows(NotPermittedException.class, () -> people.require("review.run"));
        assertEquals("review.run", none.permission());
        Person liwei = people.signIn("liwei", pw("凉州区统计局2026"));
        people.runAs(liwei, () -> {
            assertEquals("liwei", people.require("review.run").login());
            NotPermittedException e = assertThrows(NotPermittedException.class,
                    () -> people.require("review.flag.confirm"));
            assertEquals("review.flag.confirm", e.permission());
            people.requireScope("620602", "industrial");
            assertThrows(NotPermittedException.class, () -> people.requireScope("620621", "industrial"),
                    "another county's unit is not permitted, not unknown");
            return null;
        });
        assertTrue(people.current().isEmpty(), "runAs ends with the work");
    }

    @Test
    void aPasswordChangeIsJournaledAsAChangeNeverAsTheHash() throws Exception {
        people.add("admin", "admin", null, null, null, pw("a long admin pass"));
        String before = store.query("SELECT password_hash FROM ppl_user WHERE login = 'admin'");
        people.changePassword("admin", pw("another long pass"));
        String after = store.query("SELECT password_hash FROM ppl_user WHERE login = 'admin'");
        assertFalse(before.equals(after));
        RecordingJournal.Recorded r = journal.entries("ppl_user").get(1);
        assertEquals("(changed)", r.newValue());
        assertEquals("admin", people.signIn("admin", pw("another long pass")).login());
    }
}
