package org.statdesk.launcher.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The built distribution, started as a user starts it: {@code bin/statdesk} as a separate process. */
final class Dist {
    static final ObjectMapper JSON = new ObjectMapper();
    final Path home;

    Dist(Path home) {
        this.home = home;
    }

    private static Dist onPostgres;

    /**
     * The distribution as built; with {@code -Dstatdesk.db=postgres} a copy of it beside it whose store runs on the
     * test server, each data folder in its own schema ({@link TestDatabase}).
     */
    static synchronized Dist built() {
        Dist built = new Dist(Path.of(System.getProperty("statdesk.dist", "target/statdesk")).toAbsolutePath());
        if (!TestDatabase.postgres()) {
            return built;
        }
        if (onPostgres == null) {
            try {
                Path to = built.home.resolveSibling(built.home.getFileName() + "-postgres");
                deleteTree(to);
                Dist d = built.copyTo(to);
                TestDatabase.configure(d.home, null);
                onPostgres = d;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return onPostgres;
    }

    private static void deleteTree(Path p) throws IOException {
        if (Files.exists(p)) {
            try (Stream<Path> s = Files.walk(p)) {
                for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(q);
                }
            }
        }
    }

    /** A private copy, for tests that change the distribution itself (features, deploy, etc). */
    Dist copyTo(Path to) throws IOException {
        try (Stream<Path> s = Files.walk(home)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(home.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return new Dist(to);
    }

    record Result(int exit, String out, String err, long millis) {
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new AssertionError("stdout is not one JSON document: " + e.getMessage() + "\n--- stdout:\n" + out
                        + "\n--- stderr:\n" + err);
            }
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout:\n" + out + "\n--- stderr:\n" + err;
        }
    }

    ProcessBuilder builder(List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(home.resolve("bin/statdesk").toString());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("DISPLAY"); // headless, as on a server or in CI
        if (TestDatabase.postgres()) {
            pb.environment().put(TestDatabase.SCHEMA_VARIABLE, TestDatabase.schemaFor(TestDatabase.dataOf(args)));
        }
        return pb;
    }

    Result run(String... args) throws Exception {
        return run(List.of(args));
    }

    Result run(List<String> args) throws Exception {
        return run(java.util.Map.of(), args);
    }

    /** Runs with these environment variables added (passwords, STATDESK_JAVA_OPTS). */
    Result run(java.util.Map<String, String> env, List<String> args) throws Exception {
        Path out = Files.createTempFile("statdesk-out", ".txt");
        Path err = Files.createTempFile("statdesk-err", ".txt");
        ProcessBuilder pb = builder(args).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().remove("STATDESK_PASSWORD");
        pb.environment().remove("STATDESK_NEW_PASSWORD");
        pb.environment().putAll(env);
        long t0 = System.nanoTime();
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            String said = Files.readString(err, StandardCharsets.UTF_8);
            throw new AssertionError("statdesk " + args + " did not finish in 3 minutes; it said on stderr: "
                    + said.substring(Math.max(0, said.length() - 2000)));
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8), millis);
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
        return r;
    }
}
