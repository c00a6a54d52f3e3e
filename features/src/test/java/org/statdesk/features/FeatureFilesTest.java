package org.statdesk.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.osgi.service.feature.Feature;
import org.osgi.service.feature.FeatureBundle;
import org.osgi.service.feature.FeatureService;
import org.osgi.service.feature.ID;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Reads every features/*.json with the OSGi Feature Service reference implementation (Apache Felix
 * org.apache.felix.feature) and checks the files against the reactor: ids, bundle coordinates, modules.
 */
class FeatureFilesTest {

    static final String GROUP = "org.statdesk";
    static final Set<String> EXPECTED_FEATURES =
            Set.of("core", "workbench", "industrial", "trade", "services", "enforcement");
    static final Set<String> CORE_BUNDLES = Set.of("org.statdesk.api", "org.statdesk.runtime", "org.statdesk.store",
            "org.statdesk.tables", "org.statdesk.audit", "org.statdesk.people", "org.statdesk.registry",
            "org.statdesk.review", "org.statdesk.charts", "org.statdesk.documents", "org.statdesk.records");
    /** Specialty (line-of-business) bundles: each comes in its own feature, never in core. */
    static final Set<String> SPECIALTY_BUNDLES = Set.of("org.statdesk.industrial", "org.statdesk.trade",
            "org.statdesk.services", "org.statdesk.enforcement");

    static Path root;
    static String projectVersion;
    static FeatureService service;
    /** feature name (file name less "statdesk-" and ".json") to the parsed feature */
    static final Map<String, Feature> features = new TreeMap<>();
    /** module directory names under bundles/ that bundles/pom.xml lists as modules */
    static Set<String> bundleModules;
    /** groupId:artifactId to version for every dependency of target-platform/pom.xml */
    static Map<String, String> targetPlatform;

    @BeforeAll
    static void readAll() throws Exception {
        String r = System.getProperty("statdesk.root");
        assertNotNull(r, "system property statdesk.root is not set (surefire sets it in features/pom.xml)");
        root = Paths.get(r).toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(root.resolve("pom.xml")), "statdesk.root is not the reactor: " + root);

        Document rootPom = parse(root.resolve("pom.xml"));
        String pomVersion = childText(rootPom.getDocumentElement(), "version");
        projectVersion = System.getProperty("statdesk.version", pomVersion);
        assertEquals(pomVersion, projectVersion, "statdesk.version differs from the version in pom.xml");

        service = loadService();

        try (Stream<Path> files = Files.list(root.resolve("features"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted()
                    .collect(Collectors.toList())) {
                String file = f.getFileName().toString();
                assertTrue(file.startsWith("statdesk-"), "feature file not named statdesk-<name>.json: " + file);
                String name = file.substring("statdesk-".length(), file.length() - ".json".length());
                try (Reader in = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                    Feature feature = service.readFeature(in);
                    assertNotNull(feature, "reader returned no feature for " + file);
                    features.put(name, feature);
                } catch (Exception e) {
                    fail("the reference implementation rejects " + file + ": " + e, e);
                }
            }
        }

        bundleModules = readBundleModules();
        targetPlatform = readTargetPlatform(rootPom);
    }

    static FeatureService loadService() {
        // The reference implementation registers itself in META-INF/services; fall back to the class by name.
        for (FeatureService s : ServiceLoader.load(FeatureService.class)) {
            return s;
        }
        return new org.apache.felix.feature.impl.FeatureServiceImpl();
    }

    @Test
    void theReferenceImplementationIsTheOneInUse() {
        assertEquals("org.apache.felix.feature.impl.FeatureServiceImpl", service.getClass().getName());
    }

    @Test
    void theExpectedFeaturesExist() {
        assertEquals(new TreeSet<>(EXPECTED_FEATURES), new TreeSet<>(features.keySet()),
                "feature files in features/");
    }

    @TestFactory
    Stream<DynamicTest> eachFeatureIsWellFormed() {
        return features.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            String name = e.getKey();
            Feature feature = e.getValue();
            ID id = feature.getID();
            assertEquals(GROUP + ":statdesk-" + name + ":" + projectVersion, id.toString(), "feature id of " + name);
            assertEquals(GROUP, id.getGroupId());
            assertEquals("statdesk-" + name, id.getArtifactId());
            assertEquals(projectVersion, id.getVersion());
            assertFalse(id.getType().isPresent(), "feature id of " + name + " has a type");
            assertFalse(id.getClassifier().isPresent(), "feature id of " + name + " has a classifier");
            assertTrue(feature.getName().isPresent(), "feature " + name + " has no name");
            assertFalse(feature.getBundles().isEmpty(), "feature " + name + " has no bundles");

            for (FeatureBundle b : feature.getBundles()) {
                checkBundle(name, b.getID());
            }
        }));
    }

    static void checkBundle(String feature, ID b) {
        String where = "bundle " + b + " in feature " + feature;
        assertFalse(b.getType().isPresent() && !"jar".equals(b.getType().get()), where + " is not a jar");
        assertFalse(b.getClassifier().isPresent(), where + " has a classifier");
        String ga = b.getGroupId() + ":" + b.getArtifactId();
        if (targetPlatform.containsKey(ga)) {
            assertEquals(targetPlatform.get(ga), b.getVersion(), where + ": version differs from the target platform");
            return;
        }
        assertEquals(GROUP, b.getGroupId(), where + ": neither org.statdesk nor on the target platform");
        assertEquals(projectVersion, b.getVersion(), where + ": version differs from the project version");
        assertTrue(bundleModules.contains(b.getArtifactId()),
                where + ": no module bundles/" + b.getArtifactId() + " (modules: " + bundleModules + ")");
    }

    @Test
    void coreHasExactlyTheCoreBundles() {
        Feature core = features.get("core");
        assertNotNull(core, "no core feature");
        Set<String> artifacts = artifactIds(core);
        for (String specialty : SPECIALTY_BUNDLES) {
            assertFalse(artifacts.contains(specialty), "specialty bundle " + specialty + " is in core");
        }
        assertEquals(new TreeSet<>(CORE_BUNDLES), artifacts, "bundles of the core feature");
    }

    @Test
    void eachSpecialtyHasItsOwnFeature() {
        for (String specialty : SPECIALTY_BUNDLES) {
            String name = specialty.substring("org.statdesk.".length());
            Feature f = features.get(name);
            assertNotNull(f, "no feature for " + specialty);
            assertTrue(artifactIds(f).contains(specialty), "feature " + name + " lacks " + specialty);
        }
    }

    @Test
    void noBundleIsInTwoFeatures() {
        Map<String, List<String>> where = new TreeMap<>();
        features.forEach((name, f) -> artifactIds(f).forEach(a -> where.computeIfAbsent(a, k -> new ArrayList<>()).add(name)));
        Map<String, List<String>> twice = where.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertTrue(twice.isEmpty(), "bundles in more than one feature: " + twice);
    }

    @Test
    void everyBundleModuleIsInSomeFeature() {
        Set<String> inFeatures = new TreeSet<>();
        features.values().forEach(f -> inFeatures.addAll(artifactIds(f)));
        Set<String> missing = new TreeSet<>(bundleModules);
        missing.removeAll(inFeatures);
        // test support is a test-scope dependency of the bundles' tests, never installed
        missing.remove("org.statdesk.testing");
        assertTrue(missing.isEmpty(), "modules under bundles/ that no feature installs: " + missing);
    }

    @Test
    void aValidFeatureTextIsAccepted() throws IOException {
        // Guards the negative tests below: the same reader accepts a minimal well-formed feature.
        Feature f = service.readFeature(new StringReader("{ \"feature-resource-version\": \"1.0\", "
                + "\"id\": \"org.statdesk:statdesk-probe:1.0.0\", "
                + "\"bundles\": [ { \"id\": \"org.statdesk:org.statdesk.api:1.0.0\" } ] }"));
        assertEquals("org.statdesk:statdesk-probe:1.0.0", f.getID().toString());
        assertEquals(1, f.getBundles().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // truncated
        "{ \"feature-resource-version\": \"1.0\", \"id\": \"org.statdesk:statdesk-broken:1.0.0\", \"bundles\": [",
        // trailing comma
        "{ \"id\": \"org.statdesk:statdesk-broken:1.0.0\", \"bundles\": [ { \"id\": \"org.statdesk:org.statdesk.api:1.0.0\" }, ] }",
        // unquoted key
        "{ id: \"org.statdesk:statdesk-broken:1.0.0\" }",
        // not an object
        "[ \"org.statdesk:statdesk-broken:1.0.0\" ]",
        // not JSON at all
        "feature org.statdesk:statdesk-broken:1.0.0",
        // empty
        ""
    })
    void invalidJsonIsRejected(String text) {
        assertThrows(Exception.class, () -> service.readFeature(new StringReader(text)),
                "the reader accepted invalid JSON: " + text);
    }

    @Test
    void aFeatureWithoutIdIsRejected() {
        assertThrows(Exception.class, () -> service.readFeature(new StringReader(
                "{ \"feature-resource-version\": \"1.0\", \"bundles\": [] }")));
    }

    @Test
    void aBundleIdThatIsNoMavenCoordinateIsRejected() {
        assertThrows(Exception.class, () -> service.readFeature(new StringReader(
                "{ \"id\": \"org.statdesk:statdesk-broken:1.0.0\", \"bundles\": [ { \"id\": \"org.statdesk.api\" } ] }")));
    }

    static Set<String> artifactIds(Feature f) {
        return f.getBundles().stream().map(b -> b.getID().getArtifactId()).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Modules listed in bundles/pom.xml whose directory has a pom.xml with the same artifactId. */
    static Set<String> readBundleModules() throws Exception {
        Document pom = parse(root.resolve("bundles/pom.xml"));
        Set<String> modules = new TreeSet<>();
        for (Element m : children(child(pom.getDocumentElement(), "modules"), "module")) {
            String dir = m.getTextContent().trim();
            Path modulePom = root.resolve("bundles").resolve(dir).resolve("pom.xml");
            assertTrue(Files.isRegularFile(modulePom), "bundles/pom.xml lists module " + dir + " without pom.xml");
            String artifactId = childText(parse(modulePom).getDocumentElement(), "artifactId");
            assertEquals(dir, artifactId, "module directory and artifactId differ in " + modulePom);
            modules.add(artifactId);
        }
        assertFalse(modules.isEmpty(), "no modules in bundles/pom.xml");
        return modules;
    }

    /** The target platform's dependencies with versions from the root pom's dependencyManagement and properties. */
    static Map<String, String> readTargetPlatform(Document rootPom) throws Exception {
        Map<String, String> props = new HashMap<>();
        Element project = rootPom.getDocumentElement();
        props.put("project.version", projectVersion);
        Element properties = child(project, "properties");
        if (properties != null) {
            for (Node n = properties.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element) {
                    props.put(((Element) n).getTagName(), n.getTextContent().trim());
                }
            }
        }
        Map<String, String> managed = new HashMap<>();
        Element dm = child(project, "dependencyManagement");
        if (dm != null) {
            for (Element d : children(child(dm, "dependencies"), "dependency")) {
                managed.put(childText(d, "groupId") + ":" + childText(d, "artifactId"), childText(d, "version"));
            }
        }
        Map<String, String> platform = new LinkedHashMap<>();
        Document tp = parse(root.resolve("target-platform/pom.xml"));
        for (Element d : children(child(tp.getDocumentElement(), "dependencies"), "dependency")) {
            String ga = childText(d, "groupId") + ":" + childText(d, "artifactId");
            String v = childText(d, "version");
            if (v == null) {
                v = managed.get(ga);
            }
            assertNotNull(v, "no version for target platform dependency " + ga);
            platform.put(ga, interpolate(v, props));
        }
        return platform;
    }

    static String interpolate(String s, Map<String, String> props) {
        Matcher m = Pattern.compile("\\$\\{([^}]+)}").matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = props.get(m.group(1));
            assertNotNull(v, "undefined property ${" + m.group(1) + "}");
            m.appendReplacement(out, Matcher.quoteReplacement(interpolate(v, props)));
        }
        m.appendTail(out);
        return out.toString();
    }

    static Document parse(Path xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        return f.newDocumentBuilder().parse(xml.toFile());
    }

    static Element child(Element parent, String tag) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element && ((Element) n).getTagName().equals(tag)) {
                return (Element) n;
            }
        }
        return null;
    }

    static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        if (parent != null) {
            NodeList nl = parent.getChildNodes();
            for (int i = 0; i < nl.getLength(); i++) {
                if (nl.item(i) instanceof Element && ((Element) nl.item(i)).getTagName().equals(tag)) {
                    out.add((Element) nl.item(i));
                }
            }
        }
        return out;
    }

    static String childText(Element parent, String tag) {
        Element c = child(parent, tag);
        return c == null ? null : c.getTextContent().trim();
    }
}
