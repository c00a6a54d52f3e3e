package org.statdesk.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statdesk.api.command.NotPermittedException;
import org.statdesk.api.people.People;
import org.statdesk.api.people.Person;

/** registry:approve is both checks: the county check needs registry.check.county, the specialty check the other. */
class CheckPermissionsTest {
    @TempDir
    Path dir;

    /** A signed-in person who holds {@code held}; asks are recorded. */
    static final class Holding implements People {
        final Set<String> held;
        final List<String> asked = new ArrayList<>();

        Holding(String... held) {
            this.held = Set.of(held);
        }

        @Override
        public Person require(String permission) {
            asked.add(permission);
            if (!held.contains(permission)) {
                throw new NotPermittedException("无权操作：" + permission, permission);
            }
            return null;
        }

        @Override
        public boolean hasUsers() {
            return true;
        }

        @Override
        public Person signIn(String login, char[] password) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Person signInForSession(String login, char[] password) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <T> T runAs(Person person, Callable<T> work) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Person> current() {
            return Optional.empty();
        }

        @Override
        public boolean allows(String role, String permission) {
            return held.contains(permission);
        }

        @Override
        public void requireScope(String county, String specialty) {
        }

        @Override
        public List<User> users() {
            return List.of();
        }
    }

    private Fixture filled(People people) throws Exception {
        Fixture fx = Fixture.signedIn(people);
        Path p = dir.resolve("good.csv");
        Files.writeString(p, RegistryTest.goodFile(), StandardCharsets.UTF_8);
        fx.imports.importFile(p, false);
        return fx;
    }

    @Test
    void theCountyPassesTheCountyCheckButNotTheSpecialtyCheck() throws Exception {
        Holding county = new Holding("registry.check.county");
        Fixture fx = filled(county);
        try {
            assertEquals("county_checked", fx.lifecycle.approve(RegistryTest.A, "县级核查通过").unit().status());
            NotPermittedException e = assertThrows(NotPermittedException.class,
                    () -> fx.lifecycle.approve(RegistryTest.A, "专业核查"));
            assertEquals("registry.check.specialty", e.permission());
            assertEquals("county_checked", fx.reads.target(RegistryTest.A).unit().status(), "nothing changed");
            assertEquals(List.of("registry.check.county", "registry.check.specialty"), county.asked);
        } finally {
            fx.store.close();
        }
    }

    @Test
    void theSectionPassesTheSpecialtyCheckOnly() throws Exception {
        Fixture fx = filled(new Holding("registry.check.specialty"));
        try {
            assertThrows(NotPermittedException.class, () -> fx.lifecycle.approve(RegistryTest.A, "县级核查"));
            assertEquals("applied", fx.reads.target(RegistryTest.A).unit().status());
        } finally {
            fx.store.close();
        }
        Fixture both = filled(new Holding("registry.check.county", "registry.check.specialty"));
        try {
            both.lifecycle.approve(RegistryTest.A, "县级核查通过");
            assertEquals("in_register", both.lifecycle.approve(RegistryTest.A, "专业核查通过").unit().status());
        } finally {
            both.store.close();
        }
    }
}
