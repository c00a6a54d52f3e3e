package org.statdesk.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {
    @Test
    void defaultsToTheWorkstationOnHomeDotStatdesk() {
        Options o = Options.parse(new String[0]);
        assertEquals(Path.of(System.getProperty("user.home"), ".statdesk"), o.data());
        assertEquals("zh", o.locale());
        assertFalse(o.run());
        assertFalse(o.demo());
    }

    @Test
    void everythingAfterRunBelongsToTheCommand() {
        Options o = Options.parse(new String[] {"--data", "/tmp/d", "--features", "industrial,trade", "run",
            "registry:import", "--json", "a.csv", "--data", "x"});
        assertTrue(o.run());
        assertEquals(Path.of("/tmp/d"), o.data());
        assertEquals("industrial,trade", o.features());
        assertEquals(List.of("registry:import", "--json", "a.csv", "--data", "x"), o.command());
    }

    @Test
    void optionsWithEqualsSigns() {
        Options o = Options.parse(new String[] {"--data=/tmp/x", "--features=trade", "--locale=en", "run", "a:b",
            "--k=v"});
        assertEquals(Path.of("/tmp/x"), o.data());
        assertEquals("trade", o.features());
        assertEquals("en", o.locale());
        assertEquals(List.of("a:b", "--k=v"), o.command());
    }

    @Test
    void demoAsWordOrOption() {
        assertTrue(Options.parse(new String[] {"demo"}).demo());
        assertTrue(Options.parse(new String[] {"--demo", "--locale", "en"}).demo());
    }

    @Test
    void badCommandLinesAreUsageErrors() {
        assertThrows(Options.UsageException.class, () -> Options.parse(new String[] {"--locale", "fr"}));
        assertThrows(Options.UsageException.class, () -> Options.parse(new String[] {"--data"}));
        assertThrows(Options.UsageException.class, () -> Options.parse(new String[] {"--data", "--features"}));
        assertThrows(Options.UsageException.class, () -> Options.parse(new String[] {"run"}));
        assertThrows(Options.UsageException.class, () -> Options.parse(new String[] {"--bogus"}));
    }

    @Test
    void jsonArrayKeepsEveryCharacterOfTheCommandLine() {
        assertEquals("[\"a b\",\"q\\\"uote\",\"back\\\\slash\",\"中文\"]",
                Main.toJsonArray(List.of("a b", "q\"uote", "back\\slash", "中文")));
    }
}
