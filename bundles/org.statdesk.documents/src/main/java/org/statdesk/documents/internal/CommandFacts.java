package org.statdesk.documents.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.Command;
import org.statdesk.api.command.CommandResult;

/**
 * Figures that only a command reports (the register's findings, what an enabled specialty's commands list): the
 * document runs the command as {@code statdesk run ... --json} would and reads its JSON, so a printed figure is the
 * one the command prints, computed in one place. A command that is absent (its feature disabled) gives nothing.
 */
@Component(service = CommandFacts.class)
public final class CommandFacts {
    /** The runtime's JSON naming, so that the fields read here are the fields scripts see. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private record Entry(Command command, Set<String> flags) {
    }

    private final Map<String, Entry> commands = new ConcurrentHashMap<>();

    @Activate
    public CommandFacts() {
    }

    /** Every other bundle's command; the documents' own are left out, so no document runs another. */
    @Reference(service = Command.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, target = "(!(statdesk.command.name=report:*))")
    void add(Command c, Map<String, Object> props) {
        Object name = props.get(Command.NAME);
        if (name != null) {
            commands.put(name.toString(), new Entry(c, flags(props.get(Command.FLAGS))));
        }
    }

    void remove(Command c, Map<String, Object> props) {
        Object name = props.get(Command.NAME);
        if (name != null) {
            commands.computeIfPresent(name.toString(), (k, v) -> v.command() == c ? null : v);
        }
    }

    /** For tests: a command by name. */
    CommandFacts with(String name, Command c, String... flags) {
        commands.put(name, new Entry(c, Set.of(flags)));
        return this;
    }

    static Set<String> flags(Object v) {
        if (v instanceof String[] a) {
            return Set.of(a);
        }
        if (v == null || v.toString().isBlank()) {
            return Set.of();
        }
        return Set.copyOf(Arrays.stream(v.toString().split(",")).map(String::strip).toList());
    }

    boolean has(String name) {
        return commands.containsKey(name);
    }

    /**
     * The JSON that {@code name args --json} prints, when the command is there and succeeds; a failure of the command
     * is the document's failure (its message), never a silently empty figure.
     */
    Optional<JsonNode> run(String name, String... args) throws Exception {
        Entry e = commands.get(name);
        if (e == null) {
            return Optional.empty();
        }
        List<String> tokens = new java.util.ArrayList<>(List.of(args));
        tokens.add("--json");
        CommandResult r = e.command().execute(Args.parse(tokens, e.flags()));
        if (r.exitCode() != CommandResult.OK) {
            throw new IllegalStateException(name + " failed (exit " + r.exitCode() + "): " + r.text());
        }
        return Optional.of(JSON.valueToTree(r.json()));
    }
}
