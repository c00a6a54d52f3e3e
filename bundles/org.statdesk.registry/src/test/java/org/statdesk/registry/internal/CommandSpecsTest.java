package org.statdesk.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each registry command is its own component declared with @CommandSpec: name, permission (issue 13's words) and
 * bulk, as bnd wrote them into the bundle's component descriptions.
 */
class CommandSpecsTest {
    private static final Pattern PROPERTY = Pattern.compile(
            "<property name=\"statdesk\\.command\\.(name|permission|bulk)\" type=\"\\w+\" value=\"([^\"]*)\"/>");

    @Test
    void everyCommandDeclaresItsPermissionAndWhetherItIsBulkWork() throws Exception {
        Map<String, String> found = new TreeMap<>();
        try (Stream<Path> s = Files.list(Path.of("target/classes/OSGI-INF"))) {
            for (Path p : s.filter(f -> f.getFileName().toString().contains(".commands.")).toList()) {
                Map<String, String> props = new TreeMap<>();
                Matcher m = PROPERTY.matcher(Files.readString(p));
                while (m.find()) {
                    props.put(m.group(1), m.group(2));
                }
                found.put(props.get("name"), props.getOrDefault("permission", "") + " bulk="
                        + props.getOrDefault("bulk", "false"));
            }
        }
        Map<String, String> want = new TreeMap<>();
        want.put("registry:import", "registry.import bulk=true");
        want.put("registry:list", " bulk=false");
        want.put("registry:show", " bulk=false");
        want.put("registry:findings", " bulk=false");
        want.put("registry:coverage", " bulk=false");
        want.put("registry:candidates", " bulk=false"); // listing free; a resolution asks registry.candidates
        want.put("registry:apply", "registry.apply bulk=false");
        want.put("registry:approve", " bulk=false"); // the lifecycle requires the check by state
        want.put("registry:reject", "registry.reject bulk=false");
        want.put("registry:change", "registry.change bulk=false");
        want.put("registry:exit", "registry.exit bulk=false");
        want.put("registry:resolve", "registry.resolve bulk=false");
        want.put("registry:spotcheck", "registry.spotcheck bulk=false");
        want.put("registry:statistician", "registry.statistician bulk=false");
        want.put("registry:training", "registry.training bulk=false");
        assertEquals(want, found);
    }
}
