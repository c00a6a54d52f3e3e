import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The console half of bench/run: starts the workstation headless (env -u DISPLAY, so the Gogo console comes up) with
 * its stdin kept open as a pipe, then
 * <ol>
 * <li>waits until org.statdesk.industrial is Active and the console answers, lets it settle, and reads VmRSS of the
 * java process from /proc/PID/status (the launcher script execs java, so the child is the JVM);</li>
 * <li>runs deploy/undeploy cycles: drops a jar of org.statdesk.industrial with another Bundle-Version into deploy/
 * (copied beside it under a name FileInstall ignores, then renamed, so FileInstall never sees half a jar) and
 * measures from the start of the copy until the console's {@code lb -s org.statdesk.industrial} shows that version
 * Active; then deletes it and measures until the shipped version is Active again.</li>
 * </ol>
 * The console is polled request/response: each {@code lb} is followed by {@code echo MARK}, and the next poll is sent
 * only once the MARK came back, so the poll never queues up behind a busy shell. Results go to stdout as key=value
 * lines; the console's own output is appended to the log files named on the command line.
 *
 * <p>Usage: ConsoleBench DIST DATA NEWJAR NEWVERSION OLDVERSION CYCLES SETTLE_SECONDS LOGDIR
 */
public final class ConsoleBench {
    static final String BSN = "org.statdesk.industrial";
    static final Pattern LB_LINE = Pattern.compile("^\\s*\\d+\\|(\\w+)\\s*\\|\\s*\\d+\\|" + Pattern.quote(BSN)
            + " \\(([^)]*)\\)");

    record Line(long nanos, String text) {
    }

    static final long POLL_PAUSE_MS = 10;

    private final BlockingQueue<Line> out = new LinkedBlockingQueue<>();
    private final List<Line> err = new CopyOnWriteArrayList<>();
    private OutputStream stdin;
    private int mark;
    private PrintWriter outLog;

    public static void main(String[] a) throws Exception {
        if (a.length != 8) {
            System.err.println("usage: ConsoleBench DIST DATA NEWJAR NEWVERSION OLDVERSION CYCLES SETTLE_SECONDS LOGDIR");
            System.exit(2);
        }
        System.exit(new ConsoleBench().run(Path.of(a[0]), Path.of(a[1]), Path.of(a[2]), a[3], a[4],
                Integer.parseInt(a[5]), Integer.parseInt(a[6]), Path.of(a[7])));
    }

    int run(Path dist, Path data, Path newJar, String newVersion, String oldVersion, int cycles, int settle,
            Path logDir) throws Exception {
        Path deploy = dist.resolve("deploy");
        ProcessBuilder pb = new ProcessBuilder("env", "-u", "DISPLAY", dist.resolve("bin/statdesk").toString(),
                "--data", data.toString());
        pb.environment().remove("DISPLAY");
        long t0 = System.nanoTime();
        Process p = pb.start();
        stdin = p.getOutputStream();
        outLog = new PrintWriter(Files.newBufferedWriter(logDir.resolve("console.out")), true);
        PrintWriter errLog = new PrintWriter(Files.newBufferedWriter(logDir.resolve("console.err")), true);
        pump(p.getInputStream(), l -> {
            outLog.println(l.text());
            out.add(l);
        });
        pump(p.getErrorStream(), l -> {
            errLog.println(l.text());
            err.add(l);
        });
        int rc = 0;
        try {
            // 1. startup and idle RSS
            String[] state = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline) {
                state = poll(10_000);
                if (state != null && "Active".equals(state[0])) {
                    break;
                }
                Thread.sleep(100);
            }
            if (state == null || !"Active".equals(state[0])) {
                System.out.println("error=" + BSN + " never became Active in the console (last: "
                        + (state == null ? "no answer" : state[0] + " " + state[1]) + ")");
                return 1;
            }
            System.out.printf("console_start_s=%.3f%n", (System.nanoTime() - t0) / 1e9);
            System.out.println("pid=" + p.pid());
            System.out.println("comm=" + Files.readString(Path.of("/proc/" + p.pid() + "/comm")).trim());
            Thread.sleep(settle * 1000L);
            String status = Files.readString(Path.of("/proc/" + p.pid() + "/status"));
            for (String key : List.of("VmRSS", "VmHWM", "RssAnon", "RssFile")) {
                Matcher m = Pattern.compile("(?m)^" + key + ":\\s*(\\d+) kB").matcher(status);
                if (m.find()) {
                    System.out.println(key + "_kb=" + m.group(1));
                }
            }
            System.out.println("threads=" + Pattern.compile("(?m)^Threads:\\s*(\\d+)").matcher(status).results()
                    .map(r -> r.group(1)).findFirst().orElse("?"));

            // 2. hot deploy cycles
            List<Double> deployMs = new ArrayList<>(), undeployMs = new ArrayList<>(), logMs = new ArrayList<>();
            List<Integer> polls = new ArrayList<>();
            Path target = deploy.resolve(BSN + "-" + newVersion + ".jar");
            Path part = deploy.resolve(BSN + "-" + newVersion + ".jar.part");
            int failures = 0;
            for (int i = 1; i <= cycles; i++) {
                int errMark = err.size();
                long start = System.nanoTime();
                Files.copy(newJar, part, StandardCopyOption.REPLACE_EXISTING);
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
                long[] r = waitFor(newVersion, start, 30);
                if (r == null) {
                    failures++;
                    System.out.println("cycle" + i + "_deploy=timeout");
                } else {
                    deployMs.add((r[0] - start) / 1e6);
                    polls.add((int) r[1]);
                    Double fromLog = logLatency(errMark, "-> " + newVersion, start);
                    if (fromLog != null) {
                        logMs.add(fromLog);
                    }
                }
                Thread.sleep(300);
                start = System.nanoTime();
                Files.delete(target);
                r = waitFor(oldVersion, start, 30);
                if (r == null) {
                    failures++;
                    System.out.println("cycle" + i + "_undeploy=timeout");
                } else {
                    undeployMs.add((r[0] - start) / 1e6);
                }
                System.err.printf("  cycle %d: deploy %s ms, undeploy %s ms%n", i,
                        deployMs.size() == i ? String.format("%.0f", deployMs.get(i - 1)) : "-",
                        undeployMs.size() == i ? String.format("%.0f", undeployMs.get(i - 1)) : "-");
                Thread.sleep(300);
            }
            System.out.println("deploy_ms=" + join(deployMs));
            System.out.println("undeploy_ms=" + join(undeployMs));
            System.out.println("deploy_log_ms=" + join(logMs));
            System.out.println("polls_per_deploy=" + polls);
            System.out.println("failures=" + failures);
            System.out.println("console_commands=" + (2 * mark));
            String status2 = Files.readString(Path.of("/proc/" + p.pid() + "/status"));
            Matcher m = Pattern.compile("(?m)^VmRSS:\\s*(\\d+) kB").matcher(status2);
            if (m.find()) {
                System.out.println("VmRSS_after_cycles_kb=" + m.group(1));
            }
            // Errors the workstation reported on stderr while the cycles ran (e.g. a failed update).
            long errors = err.stream().filter(l -> l.text().contains("ERROR") || l.text().contains("Exception")).count();
            System.out.println("stderr_error_lines=" + errors);
            rc = failures == 0 ? 0 : 1;
        } finally {
            try {
                send("stop 0");
            } catch (IOException ignored) {
                // already gone
            }
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                System.out.println("warning=the console did not stop within 20 s of 'stop 0'; destroyed");
                p.destroy();
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
            System.out.println("exit_code=" + p.exitValue());
        }
        return rc;
    }

    /** Polls until lb shows the bundle Active at that version; returns {time the answer arrived, polls} or null. */
    long[] waitFor(String version, long start, int timeoutSeconds) throws Exception {
        long deadline = start + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        int n = 0;
        while (System.nanoTime() < deadline) {
            n++;
            String[] s = poll(5_000);
            if (s != null && "Active".equals(s[0]) && version.equals(s[1])) {
                return new long[] {Long.parseLong(s[2]), n};
            }
            // A pause between polls: every Gogo command line costs the console ~33 KB of heap that it keeps
            // (Gogo runtime 1.1.6), so polling flat out would inflate the RSS figures; 10 ms is well below the
            // 250 ms FileInstall poll that dominates the deploy time.
            Thread.sleep(POLL_PAUSE_MS);
        }
        return null;
    }

    /** One lb round trip: {state, version, nanos the line arrived}, {"absent", "", nanos} or null on no answer. */
    String[] poll(long timeoutMs) throws Exception {
        String m = "__bench_" + (++mark);
        // Two commands, not "lb ... ; echo": Gogo prints lb's table only when lb is a command line of its own.
        send("lb -s " + BSN + "\necho " + m);
        String[] found = null;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (true) {
            long left = deadline - System.nanoTime();
            Line l = left > 0 ? out.poll(left, TimeUnit.NANOSECONDS) : null;
            if (l == null) {
                return null;
            }
            String text = stripPrompt(l.text());
            Matcher lm = LB_LINE.matcher(text);
            if (lm.find()) {
                found = new String[] {lm.group(1), lm.group(2), Long.toString(l.nanos())};
            } else if (text.trim().equals(m)) {
                return found != null ? found : new String[] {"absent", "", Long.toString(l.nanos())};
            }
        }
    }

    Double logLatency(int from, String needle, long start) throws InterruptedException {
        // The runtime logs "hot deploy: BSN OLD -> NEW" after the update and the refresh; give it a moment.
        for (int i = 0; i < 20; i++) {
            for (int j = from; j < err.size(); j++) {
                Line l = err.get(j);
                if (l.text().contains("hot deploy: " + BSN) && l.text().contains(needle)) {
                    return (l.nanos() - start) / 1e6;
                }
            }
            Thread.sleep(50);
        }
        return null;
    }

    static String stripPrompt(String s) {
        while (s.startsWith("g! ")) {
            s = s.substring(3);
        }
        return s;
    }

    void send(String command) throws IOException {
        stdin.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    interface LineSink {
        void accept(Line l);
    }

    static void pump(InputStream in, LineSink sink) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
            try {
                int n;
                while ((n = in.read(buf)) > 0) {
                    long now = System.nanoTime();
                    for (int i = 0; i < n; i++) {
                        if (buf[i] == '\n') {
                            sink.accept(new Line(now, line.toString(StandardCharsets.UTF_8).replace("\r", "")));
                            line.reset();
                        } else {
                            line.write(buf[i]);
                        }
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
            if (line.size() > 0) {
                sink.accept(new Line(System.nanoTime(), line.toString(StandardCharsets.UTF_8)));
            }
        }, "pump");
        t.setDaemon(true);
        t.start();
    }

    static String join(List<Double> xs) {
        List<String> s = new ArrayList<>();
        for (double x : xs) {
            s.add(String.format("%.1f", x));
        }
        return String.join(",", s);
    }
}
