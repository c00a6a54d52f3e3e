package org.statdesk.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2's automatic server listens on loopback only once the store has set {@code h2.bindAddress}: a child JVM (H2
 * reads the property once per JVM) opens a database as the store does, and the kernel's socket table says where the
 * port listens.
 */
class H2LoopbackTest {
    @TempDir
    Path tmp;

    public static void main(String[] args) throws Exception {
        H2Loopback.bind();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + args[0] + ";AUTO_SERVER=TRUE", "sa", "")) {
            System.out.println("OPEN");
            System.out.flush();
            Thread.sleep(60_000);
        }
    }

    @Test
    void theAutomaticServerListensOnLoopbackOnly() throws Exception {
        Path base = tmp.resolve("db/statdesk");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), H2LoopbackTest.class.getName(), base.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line = r.readLine();
            assertEquals("OPEN", line);
            Properties lock = new Properties();
            try (InputStream in = Files.newInputStream(tmp.resolve("db/statdesk.lock.db"))) {
                lock.load(in);
            }
            String server = lock.getProperty("server", "");
            int port = Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
            List<String> at = listening(port);
            assertEquals(1, at.size(), "port " + port + " listens on " + at);
            assertTrue(loopback(at.get(0)), "port " + port + " listens on " + at + ", not on loopback only");
        } finally {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void withoutTheSettingItWouldListenOnEveryInterface() throws Exception {
        // the same child without H2Loopback: shows what the test above tells apart
        Path base = tmp.resolve("db/open");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "-Dh2.bindAddress=", Open.class.getName(), base.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("OPEN", r.readLine());
            Properties lock = new Properties();
            try (InputStream in = Files.newInputStream(tmp.resolve("db/open.lock.db"))) {
                lock.load(in);
            }
            String server = lock.getProperty("server", "");
            List<String> at = listening(Integer.parseInt(server.substring(server.lastIndexOf(':') + 1)));
            assertEquals(1, at.size(), at.toString());
            assertTrue(!loopback(at.get(0)), at.toString());
        } finally {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Opens a database as H2 does by default (the property set empty, so H2Loopback leaves it). */
    public static final class Open {
        public static void main(String[] args) throws Exception {
            H2LoopbackTest.main(args);
        }
    }

    /** 127.0.0.1 as the kernel writes it for IPv4 and as an IPv4-mapped IPv6 address, or ::1. */
    static boolean loopback(String hex) {
        return hex.equals("0100007F") || hex.equals("0000000000000000FFFF00000100007F")
                || hex.equals("00000000000000000000000001000000");
    }

    /** Local addresses (kernel hex) in LISTEN state on {@code port}, IPv4 and IPv6 (Linux). */
    static List<String> listening(int port) throws Exception {
        List<String> out = new ArrayList<>();
        String suffix = String.format(":%04X", port);
        for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            Path t = Path.of(table);
            if (!Files.exists(t)) {
                continue;
            }
            List<String> lines = Files.readAllLines(t);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                if (f[1].endsWith(suffix) && f[3].equals("0A")) {
                    out.add(f[1].substring(0, f[1].indexOf(':')));
                }
            }
        }
        return out;
    }
}
