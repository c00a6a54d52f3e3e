package org.statdesk.enforcement.internal;

import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.statdesk.api.audit.Journal;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.Command;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.registry.Divisions;
import org.statdesk.api.registry.Register;
import org.statdesk.api.registry.Sampler;
import org.statdesk.api.registry.Unit;
import org.statdesk.api.registry.UnitQuery;
import org.statdesk.testing.MemoryStore;
import org.statdesk.testing.RecordingJournal;

/**
 * What the enforcement tests add to the shared test support (org.statdesk.testing's MemoryStore and
 * RecordingJournal): a register of Wuwei's counties and townships that answers for the city as the real one does
 * (townships and counties by the city's code; a benchmark's real register behind it), a seeded sampler, and the
 * rooms wired as DS wires them.
 */
final class Fakes {
    private Fakes() {
    }

    /** A deterministic seeded shuffle: population sorted first, so its order does not matter. */
    static final class TestSampler implements Sampler {
        int calls;

        @Override
        public Sample sample(List<String> population, int size, long seed) {
            calls++;
            List<String> p = new ArrayList<>(population);
            p.sort(null);
            SplittableRandom r = new SplittableRandom(seed);
            int n = p.size();
            for (int i = 0; i < Math.min(size, n); i++) {
                int j = i + r.nextInt(n - i);
                String t = p.get(i);
                p.set(i, p.get(j));
                p.set(j, t);
            }
            return new Sample(List.copyOf(p.subList(0, Math.min(size, n))), seed, populationHash(population),
                    ALGORITHM);
        }

        @Override
        public String populationHash(List<String> population) {
            try {
                List<String> p = new ArrayList<>(population);
                p.sort(null);
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                for (String s : p) {
                    md.update(s.getBytes(StandardCharsets.UTF_8));
                    md.update((byte) '\n');
                }
                return HexFormat.of().formatHex(md.digest());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public long newSeed() {
            return new SecureRandom().nextLong();
        }
    }

    /** Wuwei's four counties with their township counts, and units added by tests. */
    static final class TestRegister implements Register {
        static final List<String> COUNTIES = List.of("620602", "620621", "620622", "620623");
        static final Map<String, Integer> TOWNSHIPS = Map.of("620602", 50, "620621", 18, "620622", 19, "620623", 21);
        static final Map<String, String> NAMES = Map.of("620600", "武威市", "620602", "凉州区", "620621", "民勤县",
                "620622", "古浪县", "620623", "天祝藏族自治县");
        final Map<String, Unit> units = new LinkedHashMap<>();
        final List<Divisions.Division> townships = new ArrayList<>();
        private final Divisions divisions = new Divisions() {
            @Override
            public Optional<Division> find(String code) {
                if (NAMES.containsKey(code)) {
                    return Optional.of(new Division(code, NAMES.get(code), code.equals("620600") ? "city" : "county",
                            code.equals("620600") ? "620000" : "620600"));
                }
                return townships.stream().filter(d -> d.code().equals(code)).findFirst();
            }

            @Override
            public List<Division> townships(String prefix) {
                return townships.stream().filter(d -> d.code().startsWith(prefix.substring(0,
                        prefix.endsWith("00") ? 4 : 6))).toList();
            }

            @Override
            public List<Division> counties(String cityCode) {
                return COUNTIES.stream().map(c -> new Division(c, NAMES.get(c), "county", cityCode)).toList();
            }
        };

        TestRegister() {
            for (String c : COUNTIES) {
                for (int i = 1; i <= TOWNSHIPS.get(c); i++) {
                    townships.add(new Divisions.Division(c + String.format("%03d", 100 + i), "镇" + c + "-" + i,
                            "township", c));
                }
            }
        }

        /** A synthetic 18-character code; the register, not this bundle, checks check digits. */
        static String code(int i) {
            return String.format("91620600MA%08d", i);
        }

        Unit add(int i, String county, String scale) {
            Unit u = new Unit(code(i), "单位" + i, county + "101", county, "C1391", "industrial", scale, 30000, null,
                    "地址", "统计员", "0935", Unit.IN_REGISTER, "2020-01-01", null);
            units.put(u.creditCode(), u);
            return u;
        }

        /** {@code above} units and {@code below} units spread over the four counties in turn. */
        TestRegister populate(int above, int below) {
            for (int i = 0; i < above + below; i++) {
                add(i, COUNTIES.get(i % 4), i < above ? "above" : "below");
            }
            return this;
        }

        /** When set (benchmarks), units are found and listed by the real register, which holds the same units. */
        Register backing;

        @Override
        public Optional<Unit> find(String creditCode) {
            return backing != null ? backing.find(creditCode) : Optional.ofNullable(units.get(creditCode));
        }

        @Override
        public List<Unit> list(UnitQuery q) {
            if (backing != null) {
                return backing.list(q);
            }
            return units.values().stream().filter(u -> q.county() == null || q.county().equals(u.countyCode()))
                    .filter(u -> q.status() == null || q.status().equals(u.status()))
                    .filter(u -> q.scale() == null || q.scale().equals(u.scale())).toList();
        }

        /** No one's scope limits this register: it is its own whole. */
        @Override
        public Register whole() {
            return this;
        }

        @Override
        public Divisions divisions() {
            return divisions;
        }
    }

    /** A command as its component declares it (OSGI-INF, as bnd wrote it), made on the world's rooms. */
    record Spec(String name, Set<String> flags, String permission, boolean bulk, String usage, String description,
            Command command) {
        CommandResult run(String... tokens) throws Exception {
            return command.execute(Args.parse(List.of(tokens), flags));
        }
    }

    /**
     * The enforcement rooms on fresh fakes, wired as DS wires them (each component's constructor given the services
     * it references), with "today" and the settings fixed and adjustable.
     */
    static final class World {
        final MemoryStore store;
        final RecordingJournal journal;
        final TestRegister register;
        final Sampler sampler;
        LocalDate today = LocalDate.of(2021, 6, 15);
        Settings settings = Settings.defaults();
        final Bureau bureau;
        final Schema schema;
        final Roster roster;
        final Draws draws;
        final PopulationSource population;
        final Drawer drawer;
        final Verifier verifier;
        final Publisher publisher;
        final Coverage coverage;
        final Ledger ledger;
        final Cases cases;
        final Interference interference;
        private final Map<Class<?>, Object> services = new HashMap<>();
        private Map<String, Spec> commands;

        World(TestRegister register) throws Exception {
            this(register, new TestSampler());
        }

        World(TestRegister register, Sampler sampler) throws Exception {
            this.sampler = sampler;
            this.store = MemoryStore.withOwnMigrations();
            this.journal = RecordingJournal.inTable(store);
            this.register = register;
            this.bureau = new Bureau() {
                @Override
                public Settings settings() {
                    return settings;
                }

                @Override
                public LocalDate today() {
                    return today;
                }

                @Override
                public Register register() {
                    return register;
                }
            };
            this.schema = () -> store;
            services.put(Bureau.class, bureau);
            services.put(Schema.class, schema);
            services.put(Journal.class, journal);
            services.put(Sampler.class, sampler);
            services.put(Register.class, register);
            services.put(org.statdesk.api.input.TableFiles.class, new org.statdesk.tables.internal.TableFilesImpl());
            this.roster = make(RosterService.class, Roster.class);
            this.draws = make(StoredDraws.class, Draws.class);
            this.population = make(FrozenPopulation.class, PopulationSource.class);
            this.drawer = make(DrawMaker.class, Drawer.class);
            this.verifier = make(DrawVerifier.class, Verifier.class);
            this.publisher = make(PublicationList.class, Publisher.class);
            this.coverage = make(CoverageReport.class, Coverage.class);
            this.ledger = make(LedgerService.class, Ledger.class);
            this.cases = make(CasesService.class, Cases.class);
            this.interference = make(InterferenceService.class, Interference.class);
        }

        /** A component made through its public constructor, each parameter the world's service of that type. */
        Object make(Class<?> component) throws Exception {
            Constructor<?> c = component.getConstructors()[0];
            Object[] args = new Object[c.getParameterCount()];
            for (int i = 0; i < args.length; i++) {
                Class<?> type = c.getParameterTypes()[i];
                args[i] = services.get(type);
                if (args[i] == null) {
                    throw new IllegalStateException(component.getSimpleName() + " references " + type.getSimpleName()
                            + ", which no enforcement room provides");
                }
            }
            return c.newInstance(args);
        }

        private <T> T make(Class<?> component, Class<T> service) throws Exception {
            T t = service.cast(make(component));
            services.put(service, t);
            return t;
        }

        /** Every command component of the bundle, by name, as its component description declares it. */
        Map<String, Spec> commands() throws Exception {
            if (commands == null) {
                commands = new TreeMap<>();
                for (Components.Description d : Components.read()) {
                    if (d.provides().contains(Command.class.getName())) {
                        Map<String, Object> p = d.properties();
                        Spec s = new Spec((String) p.get(Command.NAME), Set.copyOf(d.strings(Command.FLAGS)),
                                (String) p.get(Command.PERMISSION), Boolean.TRUE.equals(p.get(Command.BULK)),
                                (String) p.get(Command.USAGE), (String) p.get(Command.DESCRIPTION),
                                (Command) make(Class.forName(d.implementation())));
                        commands.put(s.name(), s);
                    }
                }
            }
            return commands;
        }

        /** Runs a command as {@code statdesk run} parses its line. */
        CommandResult run(String name, String... tokens) throws Exception {
            Spec s = commands().get(name);
            if (s == null) {
                throw new IllegalArgumentException("no command " + name);
            }
            return s.run(tokens);
        }

        /** Writes a roster CSV and imports it. */
        Roster.ImportResult roster(String csv) throws Exception {
            Path f = Files.createTempFile("roster", ".csv");
            Files.writeString(f, csv);
            return roster.importCsv(f);
        }

        /** A roster of {@code perCounty} certified inspectors in each county and {@code city} at the city bureau. */
        static String roster(int perCounty, int city) {
            StringBuilder sb = new StringBuilder("name,certificate_no,certificate_date,county_code,specialty\n");
            int n = 0;
            for (String c : TestRegister.COUNTIES) {
                for (int i = 0; i < perCounty; i++) {
                    n++;
                    sb.append("执法员").append(n).append(",GS").append(String.format("%05d", n)).append(",2020-03-01,")
                            .append(c).append(",法规\n");
                }
            }
            for (int i = 0; i < city; i++) {
                n++;
                sb.append("市局").append(n).append(",GS").append(String.format("%05d", n))
                        .append(",2019-05-01,620600,法规\n");
            }
            return sb.toString();
        }
    }
}
