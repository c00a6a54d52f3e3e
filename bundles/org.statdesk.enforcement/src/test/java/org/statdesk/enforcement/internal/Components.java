package org.statdesk.enforcement.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The bundle's component descriptions as bnd generated them (target/classes/OSGI-INF), read as the framework's SCR
 * reads them: tests see the service properties and references the workstation will see.
 */
final class Components {
    /** One component: its class, the services it provides, its properties, the interfaces it references. */
    record Description(String name, String implementation, List<String> provides, Map<String, Object> properties,
            List<String> references) {
        /** A property's values as strings (a multi-valued String property, or one value, or none). */
        List<String> strings(String key) {
            Object v = properties.get(key);
            if (v == null) {
                return List.of();
            }
            return v instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of(String.valueOf(v));
        }
    }

    private Components() {
    }

    static List<Description> read() throws Exception {
        List<Description> out = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("target/classes/OSGI-INF"))) {
            files = s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        for (Path f : files) {
            Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(f.toFile())
                    .getDocumentElement();
            if (!root.getTagName().endsWith("component")) {
                continue;
            }
            Map<String, Object> props = new LinkedHashMap<>();
            NodeList ps = root.getElementsByTagName("property");
            for (int i = 0; i < ps.getLength(); i++) {
                Element p = (Element) ps.item(i);
                String type = p.getAttribute("type");
                if (p.hasAttribute("value")) {
                    String v = p.getAttribute("value");
                    props.put(p.getAttribute("name"), type.equals("Boolean") ? (Object) Boolean.valueOf(v) : v);
                } else {
                    props.put(p.getAttribute("name"), p.getTextContent().lines().map(String::strip)
                            .filter(x -> !x.isEmpty()).toList());
                }
            }
            out.add(new Description(root.getAttribute("name"),
                    ((Element) root.getElementsByTagName("implementation").item(0)).getAttribute("class"),
                    attributes(root, "provide", "interface"), props, attributes(root, "reference", "interface")));
        }
        return out;
    }

    private static List<String> attributes(Element root, String tag, String attribute) {
        List<String> out = new ArrayList<>();
        NodeList l = root.getElementsByTagName(tag);
        for (int i = 0; i < l.getLength(); i++) {
            out.add(((Element) l.item(i)).getAttribute(attribute));
        }
        return out;
    }
}
