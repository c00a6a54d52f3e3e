package org.statdesk.launcher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * People end to end through {@code statdesk --user NAME run ...}: the first administrator, sign-in (exit 3 and one
 * message for an unknown user and a wrong password), the permission matrix row by row (allowed and refused, nothing
 * changed when refused), lock-out and unlock, and that no password reaches stdout, stderr, the journal, the database
 * file or a backup.
 */
class PeopleIT {
    private static final Dist DIST = Dist.built();
    private static final Map<String, String> PASSWORDS = Map.of("admin", "管理员的长密码-2026", "liangzhou",
            "凉州区统计局的长密码", "gongye", "工业科的密码很长很长", "pucha", "普查科的密码很长很长", "fagui", "法规科的密码很长很长",
            "juzhang", "局长的密码很长很长很长", "minqin", "民勤县统计局的长密码");
    private static final List<String> SAID = new ArrayList<>();

    @TempDir
    static Path tmp;
    static String data;
    static Path register;

    @BeforeAll
    static void bureau() throws Exception {
        data = tmp.resolve("data").toString();
        Path root = Path.of(System.getProperty("statdesk.root", "..")).toAbsolutePath().normalize();
        register = new Units(root).file(tmp, "register.csv", 40, 7);
        Dist.Result first = add("liangzhou", "--role", "county", "--county", "620602");
        assertEquals(2, first.exit(), "the first user must be an administrator: " + first);
        assertTrue(first.json().toString().contains("admin"), first::toString);
        assertEquals(0, add("admin", "--role", "admin", "--display", "系统管理员").exit());
        assertEquals(0, asUser("admin", "user:add", "liangzhou", "--role", "county", "--county", "620602",
                "--display", "凉州区李伟").exit());
        assertEquals(0, asUser("admin", "user:add", "gongye", "--role", "section", "--specialty", "industrial",
                "--display", "工业科张敏").exit());
        assertEquals(0, asUser("admin", "user:add", "pucha", "--role", "census", "--display", "普查科王芳").exit());
        assertEquals(0, asUser("admin", "user:add", "fagui", "--role", "enforcement", "--display", "法规科赵强").exit());
        assertEquals(0, asUser("admin", "user:add", "juzhang", "--role", "leader", "--display", "王局长").exit());
    }

    private static Dist.Result add(String name, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("--data", data, "run", "user:add", name));
        args.addAll(List.of(more));
        args.add("--json");
        return said(DIST.run(Map.of("STATDESK_NEW_PASSWORD", PASSWORDS.get(name)), args));
    }

    static Dist.Result asUser(String user, String... command) throws Exception {
        return withPassword(user, PASSWORDS.get(user), command);
    }

    static Dist.Result withPassword(String user, String password, String... command) throws Exception {
        List<String> args = new ArrayList<>(List.of("--user", user, "--data", data, "run"));
        args.addAll(List.of(command));
        args.add("--json");
        Map<String, String> env = new java.util.HashMap<>();
        env.put("STATDESK_PASSWORD", password);
        if (command.length > 0 && command[0].equals("user:add")) {
            env.put("STATDESK_NEW_PASSWORD", PASSWORDS.getOrDefault(command[1], "一个新用户的长密码"));
        }
        return said(DIST.run(env, args));
    }

    private static synchronized Dist.Result said(Dist.Result r) {
        SAID.add(r.out());
        SAID.add(r.err());
        return r;
    }

    private static void refused(Dist.Result r, String permission) {
        assertEquals(3, r.exit(), r::toString);
        assertTrue(r.json().has("error"), r::toString);
        if (permission != null) {
            assertEquals(permission, r.json().path("permission").asText(), r::toString);
        }
    }

    private static void permitted(Dist.Result r) {
        assertNotEquals(3, r.exit(), r::toString);
    }

    @Test
    void fromTheFirstUserOnEverythingNeedsSignInAndFailuresReadTheSame() throws Exception {
        Dist.Result none = said(DIST.run("--data", data, "run", "registry:list", "--json"));
        refused(none, null);
        assertTrue(none.json().get("error").asText().contains("not signed in"), none::toString);
        Dist.Result wrong = withPassword("admin", "wrong password 123", "registry:list");
        Dist.Result unknown = withPassword("nobody", "wrong password 123", "registry:list");
        refused(wrong, null);
        refused(unknown, null);
        assertEquals(wrong.json().get("error"), unknown.json().get("error"),
                "an unknown user and a wrong password get the same message");
        permitted(asUser("admin", "registry:list"));
    }

    @Test
    void theMatrixRowByRow() throws Exception {
        // register: import by the census section; spot checks are the census section's alone
        refused(asUser("fagui", "registry:import", register.toString(), "--admit"), "registry.import");
        assertEquals("[]", asUser("admin", "registry:list").json().path("units").toString(),
                "a refused import changed nothing");
        Dist.Result imported = asUser("pucha", "registry:import", register.toString(), "--admit");
        assertEquals(0, imported.exit(), imported::toString);
        refused(asUser("liangzhou", "registry:spotcheck", "--share", "0.2", "--seed", "1"), "registry.spotcheck");
        permitted(asUser("pucha", "registry:spotcheck", "--share", "0.2", "--seed", "1"));
        // enforcement is the law-enforcement section's
        refused(asUser("pucha", "enforcement:draw", "--year", "2026", "--seed", "3"), "enforcement.draw");
        refused(asUser("juzhang", "enforcement:draw", "--year", "2026", "--seed", "3"), "enforcement.draw");
        permitted(asUser("fagui", "enforcement:draw", "--year", "2026", "--seed", "3"));
        // features, users and backups are the administrator's
        refused(asUser("liangzhou", "feature:disable", "trade"), null);
        refused(asUser("gongye", "user:add", "pucha2", "--role", "census"), "user.add");
        refused(asUser("juzhang", "user:list"), "user.list");
        Path backup = tmp.resolve("bureau.zip");
        refused(asUser("juzhang", "store:backup", backup.toString()), null);
        assertFalse(Files.exists(backup), "a refused backup wrote nothing");
        assertEquals(0, asUser("admin", "store:backup", backup.toString()).exit());
        assertTrue(Files.exists(backup));
        // reading is everyone's
        for (String u : List.of("liangzhou", "gongye", "pucha", "fagui", "juzhang", "admin")) {
            assertEquals(0, asUser(u, "registry:list").exit(), u);
            assertEquals(0, asUser(u, "audit:verify").exit(), u);
        }
        JsonNode roles = asUser("admin", "user:roles").json();
        assertTrue(roles.get("permissions").size() > 10, roles::toString);
        assertTrue(roles.get("roles").get("leader").toString().contains("review.status.released"));
    }

    @Test
    void fiveFailedSignInsLockAUserUntilTheAdministratorUnlocks() throws Exception {
        assertEquals(0, asUser("admin", "user:add", "minqin", "--role", "county", "--county", "620621")
                .exit());
        for (int i = 0; i < 5; i++) {
            refused(withPassword("minqin", "guess-guess-guess", "registry:list"), null);
        }
        refused(asUser("minqin", "registry:list"), null);
        assertTrue(asUser("admin", "user:list").json().toString().contains("\"locked\":true"));
        assertEquals(0, asUser("admin", "user:unlock", "minqin").exit());
        assertEquals(0, asUser("minqin", "registry:list").exit());
    }

    @Test
    void theJournalNamesThePersonAndNoPasswordIsKeptAnywhere() throws Exception {
        assertEquals(0, asUser("pucha", "audit:verify").exit());
        Dist.Result log = asUser("admin", "audit:log");
        assertEquals(0, log.exit(), log::toString);
        String journal = log.out();
        assertTrue(journal.contains("admin（系统管理员）"), "entries name login and display name");
        assertTrue(journal.contains("sign_in"), "sign-ins are journaled");
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(Path.of(data))) {
            s.filter(Files::isRegularFile).forEach(files::add);
        }
        try (Stream<Path> s = Files.list(tmp)) {
            s.filter(p -> p.toString().endsWith(".zip")).forEach(files::add);
        }
        for (String pw : PASSWORDS.values()) {
            byte[] needle = pw.getBytes(StandardCharsets.UTF_8);
            for (Path f : files) {
                assertFalse(contains(Files.readAllBytes(f), needle), "a password in " + f);
            }
            synchronized (PeopleIT.class) {
                for (String s : SAID) {
                    assertFalse(s.contains(pw), "a password on stdout or stderr");
                }
            }
            assertFalse(journal.contains(pw));
        }
    }

    private static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
