package org.statdesk.registry.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The {@link Fixture} for tests of other packages (the commands): its rooms, a filled register, row counts. */
public final class TestRegister {
    private final Fixture fx;

    private TestRegister(Fixture fx) {
        this.fx = fx;
    }

    public static TestRegister memory() throws Exception {
        return new TestRegister(Fixture.memory());
    }

    /** Imports {@link RegistryTest#goodFile()} with --admit; returns the code of its first unit (in the register). */
    public String importGood(Path dir) throws Exception {
        Path p = dir.resolve("good.csv");
        Files.writeString(p, RegistryTest.goodFile(), StandardCharsets.UTF_8);
        fx.imports.importFile(p, true);
        return RegistryTest.A;
    }

    /** A valid credit code of 民勤县 (620621). */
    public static String code(int n) {
        return Fixture.code("620621", n);
    }

    public Reads reads() {
        return fx.reads;
    }

    public Lifecycle lifecycle() {
        return fx.lifecycle;
    }

    public Staff staff() {
        return fx.staff;
    }

    public SpotChecks spotChecks() {
        return fx.spotChecks;
    }

    public long count(String table) throws Exception {
        return fx.store.count(table);
    }

    public void close() throws Exception {
        fx.store.close();
    }
}
