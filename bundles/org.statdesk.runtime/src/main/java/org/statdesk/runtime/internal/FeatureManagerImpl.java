package org.statdesk.runtime.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.FrameworkWiring;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.feature.FeatureManager;
import org.statdesk.runtime.internal.FeatureFile.FeatureException;

/**
 * Installs the bundles of the enabled features and uninstalls those of disabled ones. The selection lives in
 * {@code DATA/features.json}; bundles are installed by reference from {@code HOME/bundles} (or {@code HOME/system}),
 * or from {@code HOME/deploy} when a newer build of the same symbolic name was dropped there (hot deploy).
 */
final class FeatureManagerImpl implements FeatureManager {
    private final BundleContext context;
    private final Path home;
    private final Path selectionFile;
    private final Map<String, FeatureFile> features = new TreeMap<>();
    /** Symbolic name to the jar in deploy/ that overrides the shipped one. */
    private final Map<String, Path> overrides = new ConcurrentHashMap<>();
    private final Object lock = new Object();

    FeatureManagerImpl(BundleContext context, Path home, Path dataFolder) {
        this.context = context;
        this.home = home;
        this.selectionFile = dataFolder.resolve("features.json");
    }

    /** Reads every features/*.json; a broken file stops the start with a message naming it. */
    void load() {
        features.clear();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(home.resolve("features"), "*.json")) {
            for (Path f : ds) {
                FeatureFile ff = FeatureFile.read(f);
                features.put(ff.name(), ff);
            }
        } catch (IOException e) {
            throw new FeatureException("cannot read the features folder " + home.resolve("features") + ": " + e);
        }
    }

    Set<String> names() {
        return features.keySet();
    }

    /** The enabled feature names: the persisted selection, or every feature in a fresh data folder. */
    Set<String> selection() throws IOException {
        Set<String> enabled = new LinkedHashSet<>();
        if (Files.exists(selectionFile)) {
            for (var n : Json.MAPPER.readTree(selectionFile.toFile()).path("enabled")) {
                if (features.containsKey(n.asText())) {
                    enabled.add(n.asText());
                }
            }
        } else {
            enabled.addAll(features.keySet());
        }
        features.values().stream().filter(FeatureFile::required).forEach(f -> enabled.add(f.name()));
        return enabled;
    }

    void select(Set<String> names) throws IOException {
        for (String n : names) {
            if (!features.containsKey(n)) {
                throw new BadInputException("unknown feature '" + n + "': known features are "
                        + String.join(", ", features.keySet()));
            }
        }
        Set<String> enabled = new LinkedHashSet<>(names);
        features.values().stream().filter(FeatureFile::required).forEach(f -> enabled.add(f.name()));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("enabled", new ArrayList<>(enabled));
        Path tmp = selectionFile.resolveSibling("features.json.tmp");
        Files.writeString(tmp, Json.write(doc));
        Files.move(tmp, selectionFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Brings the installed bundles in line with the selection. */
    void apply() throws Exception {
        synchronized (lock) {
            Set<String> enabled = selection();
            Map<String, String> wanted = new LinkedHashMap<>(); // coordinates -> feature
            for (String name : enabled) {
                for (String b : features.get(name).bundles()) {
                    wanted.putIfAbsent(b, name);
                }
            }
            Set<String> wantedFiles = new java.util.HashSet<>();
            List<Bundle> toStart = new ArrayList<>();
            for (String coords : wanted.keySet()) {
                Path jar = jarOf(coords);
                wantedFiles.add(jar.getFileName().toString());
                Bundle b = installed(jar);
                if (b == null) {
                    b = context.installBundle(location(jar));
                    Path override = overrides.get(b.getSymbolicName());
                    if (override != null) {
                        try (InputStream in = Files.newInputStream(override)) {
                            b.update(in);
                        } catch (BundleException e) {
                            backToShipped(b, override, HotDeployer.reason(e));
                        }
                    }
                    toStart.add(b);
                } else if (b.getState() != Bundle.ACTIVE && b.getState() != Bundle.STARTING
                        && b.getBundleId() != context.getBundle().getBundleId()) {
                    toStart.add(b);
                }
            }
            List<Bundle> removed = new ArrayList<>();
            for (Bundle b : context.getBundles()) {
                String loc = b.getLocation();
                if (loc.startsWith(location(home.resolve("bundles")))
                        && !wantedFiles.contains(Path.of(loc.substring(loc.lastIndexOf('/') + 1)).toString())
                        && b.getBundleId() != context.getBundle().getBundleId()) {
                    b.uninstall();
                    removed.add(b);
                }
            }
            if (!removed.isEmpty()) {
                refresh(removed);
            }
            for (Bundle b : toStart) {
                if (b.getHeaders().get("Fragment-Host") == null) {
                    Path override = overrides.get(b.getSymbolicName());
                    try {
                        b.start();
                    } catch (BundleException e) {
                        if (override == null) {
                            throw e;
                        }
                        // the build from deploy/ does not resolve or start: the shipped one runs instead
                        backToShipped(b, override, HotDeployer.reason(e));
                        b.start();
                    }
                }
            }
        }
    }

    /** Drops a jar of deploy/ that failed and puts the shipped jar back in place of it, saying so. */
    private void backToShipped(Bundle b, Path override, String reason) throws BundleException {
        String failed = BundleJar.read(override).version().toString();
        overrides.remove(b.getSymbolicName(), override);
        b.update(); // re-reads the shipped jar at the bundle's location
        Log.error(HotDeployer.failed(b.getSymbolicName(), failed, override, reason, b.getVersion().toString()));
    }

    /** Refreshes and waits, so that uninstalled bundles' classes are really gone before we go on. */
    void refresh(List<Bundle> bundles) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(bundles, e -> {
            if (e.getType() == FrameworkEvent.PACKAGES_REFRESHED || e.getType() == FrameworkEvent.ERROR) {
                done.countDown();
            }
        });
        done.await(30, TimeUnit.SECONDS);
    }

    Path jarOf(String coords) {
        String[] gav = coords.split(":");
        String file = gav[1] + "-" + gav[2] + ".jar";
        for (String dir : List.of("bundles", "system")) {
            Path p = home.resolve(dir).resolve(file);
            if (Files.exists(p)) {
                return p;
            }
        }
        throw new FeatureException("bundle " + coords + " of a feature is missing: expected " + home.resolve("bundles")
                .resolve(file) + "; rebuild the distribution");
    }

    static String location(Path p) {
        return "reference:" + p.toAbsolutePath().normalize().toUri();
    }

    private Bundle installed(Path jar) {
        return context.getBundle(location(jar));
    }

    /** The installed bundle shipped under that symbolic name (in bundles/ or system/), if any. */
    Bundle shipped(String symbolicName) {
        String b = location(home.resolve("bundles")), s = location(home.resolve("system"));
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())
                    && (bundle.getLocation().startsWith(b) || bundle.getLocation().startsWith(s))) {
                return bundle;
            }
        }
        return null;
    }

    /**
     * The jar StatDesk ships under that symbolic name: the installed bundle's from bundles/ or system/, else the jar
     * of a feature (enabled or not) in bundles/ or system/; null when StatDesk ships no such bundle.
     */
    Path shippedJar(String symbolicName) {
        Bundle b = shipped(symbolicName);
        if (b != null) {
            return Path.of(java.net.URI.create(b.getLocation().substring("reference:".length())));
        }
        for (FeatureFile f : features.values()) {
            for (String c : f.bundles()) {
                try {
                    Path jar = jarOf(c);
                    if (symbolicName.equals(BundleJar.read(jar).symbolicName())) {
                        return jar;
                    }
                } catch (RuntimeException e) {
                    // a missing jar is reported by apply(); here it just does not match
                }
            }
        }
        return null;
    }

    Map<String, Path> overrides() {
        return overrides;
    }

    @Override
    public List<FeatureInfo> features() {
        Set<String> enabled;
        try {
            enabled = selection();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + selectionFile + ": " + e.getMessage(), e);
        }
        Map<String, Bundle> byLocation = new HashMap<>();
        for (Bundle b : context.getBundles()) {
            byLocation.put(b.getLocation(), b);
        }
        List<FeatureInfo> out = new ArrayList<>();
        for (FeatureFile f : features.values()) {
            List<BundleInfo> bundles = new ArrayList<>();
            for (String c : f.bundles()) {
                Bundle b = byLocation.get(location(jarOf(c)));
                bundles.add(new BundleInfo(c, b == null ? c.split(":")[1] : b.getSymbolicName(),
                        b == null ? c.split(":")[2] : b.getVersion().toString(),
                        b == null ? "NOT_INSTALLED" : state(b.getState())));
            }
            out.add(new FeatureInfo(f.name(), f.id(), enabled.contains(f.name()), f.required(), bundles));
        }
        out.sort(Comparator.comparing((FeatureInfo fi) -> !fi.required()).thenComparing(FeatureInfo::name));
        return out;
    }

    @Override
    public String title(String name, String language) {
        FeatureFile f = features.get(name);
        return f == null ? name : "en".equals(language) ? f.titleEn() : f.title();
    }

    @Override
    public FeatureInfo enable(String name) throws Exception {
        return change(name, true);
    }

    @Override
    public FeatureInfo disable(String name) throws Exception {
        return change(name, false);
    }

    private FeatureInfo change(String name, boolean enable) throws Exception {
        FeatureFile f = features.get(name);
        if (f == null) {
            throw new BadInputException("unknown feature '" + name + "': known features are "
                    + String.join(", ", features.keySet()));
        }
        if (f.required() && !enable) {
            throw new BadInputException("feature '" + name + "' is always enabled and cannot be disabled");
        }
        synchronized (lock) {
            Set<String> sel = selection();
            if (enable) {
                sel.add(name);
            } else {
                sel.remove(name);
            }
            select(sel);
            apply();
        }
        return features().stream().filter(fi -> fi.name().equals(name)).findFirst().orElseThrow();
    }

    static String state(int s) {
        switch (s) {
            case Bundle.ACTIVE: return "ACTIVE";
            case Bundle.RESOLVED: return "RESOLVED";
            case Bundle.INSTALLED: return "INSTALLED";
            case Bundle.STARTING: return "STARTING";
            case Bundle.STOPPING: return "STOPPING";
            default: return "UNINSTALLED";
        }
    }

    static String summary(List<FeatureInfo> list) {
        return list.stream().map(f -> String.format("%-12s %-9s %s", f.name(), f.enabled() ? "enabled" : "disabled",
                f.bundles().stream().map(b -> b.symbolicName() + " " + b.version() + " " + b.state())
                        .collect(Collectors.joining(", ")))).collect(Collectors.joining("\n"));
    }

}
