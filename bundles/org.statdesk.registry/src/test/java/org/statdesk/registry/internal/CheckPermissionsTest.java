package org.statdesk.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.statdesk.api.command.NotPermittedException;
import org.statdesk.api.people.People;
import org.statdesk.api.people.Person;
import org.statdesk.testing.FakePeople;

/** registry:approve is both checks: the county check needs registry.check.county, the specialty check the other. */
class CheckPermissionsTest {
    @TempDir
    Path dir;

    private Fixture filled(People people) throws Exception {
        Fixture fx = Fixture.signedIn(people);
        Path p = dir.resolve("good.csv");
        Files.writeString(p, RegistryTest.goodFile(), StandardCharsets.UTF_8);
        fx.imports.importFile(p, false);
        return fx;
    }

    /** A census person (every county) holding {@code held}. */
    static FakePeople holding(String... held) {
        return FakePeople.as(new Person("wang", "王芳", Person.CENSUS, null, null), held);
    }

    @Test
    void theCountyPassesTheCountyCheckButNotTheSpecialtyCheck() throws Exception {
        FakePeople county = holding("registry.check.county");
        Fixture fx = filled(county);
        try {
            assertEquals("county_checked", fx.lifecycle.approve(RegistryTest.A, "县级核查通过").unit().status());
            NotPermittedException e = assertThrows(NotPermittedException.class,
                    () -> fx.lifecycle.approve(RegistryTest.A, "专业核查"));
            assertEquals("registry.check.specialty", e.permission());
            assertEquals("county_checked", fx.reads.target(RegistryTest.A).unit().status(), "nothing changed");
            assertEquals(List.of("registry.check.county", "registry.check.specialty"), county.asked());
        } finally {
            fx.store.close();
        }
    }

    @Test
    void theSectionPassesTheSpecialtyCheckOnly() throws Exception {
        Fixture fx = filled(holding("registry.check.specialty"));
        try {
            assertThrows(NotPermittedException.class, () -> fx.lifecycle.approve(RegistryTest.A, "县级核查"));
            assertEquals("applied", fx.reads.target(RegistryTest.A).unit().status());
        } finally {
            fx.store.close();
        }
        FakePeople people = holding("registry.check.county", "registry.check.specialty");
        Fixture both = filled(people);
        try {
            both.lifecycle.approve(RegistryTest.A, "县级核查通过");
            // the second check is another person's (separation of duties)
            people.become(new Person("zhao", "赵强", Person.CENSUS, null, null), "registry.check.specialty");
            assertEquals("in_register", both.lifecycle.approve(RegistryTest.A, "专业核查通过").unit().status());
        } finally {
            both.store.close();
        }
    }
}
