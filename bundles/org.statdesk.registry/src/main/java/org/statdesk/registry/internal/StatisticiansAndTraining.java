package org.statdesk.registry.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.statdesk.api.audit.Journal;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.command.InputError;
import org.statdesk.api.input.Inputs;
import org.statdesk.api.people.Scope;
import org.statdesk.api.registry.Divisions;
import org.statdesk.api.registry.Unit;
import org.statdesk.registry.internal.tables.StaffChangeTable;
import org.statdesk.registry.internal.tables.TrainingTable;
import org.statdesk.registry.internal.tables.UnitTable;

/** Statistician changes, training records and training coverage. */
@Component(service = Staff.class)
public final class StatisticiansAndTraining implements Staff {
    /** Longest names, handovers and courses kept (as the table's columns are sized). */
    private static final int MAX_NAME = 100;
    private static final int MAX_PHONE = 40;
    private static final int MAX_HANDOVER = 2000;
    private static final int MAX_COURSE = 400;

    private final RegisterStore db;
    private final Journal journal;
    private final Reads reads;
    private final ReferenceData reference;

    @Activate
    public StatisticiansAndTraining(@Reference RegisterStore db, @Reference Journal journal, @Reference Reads reads,
            @Reference ReferenceData reference) {
        this.db = db;
        this.journal = journal;
        this.reads = reads;
        this.reference = reference;
    }

    @Override
    public StaffChange changeStatistician(String codeOrApp, String newName, String phone, String date,
            String handover, String reason) throws Exception {
        String why = FieldRules.reason(reason);
        List<InputError> errors = new ArrayList<>();
        if (newName == null || newName.isBlank()) {
            errors.add(InputError.of("name", "", "新统计人员姓名为空"));
        }
        if (handover == null || handover.isBlank()) {
            errors.add(InputError.of("handover", "", "须说明原始记录、台账的交接情况"));
        }
        if (!errors.isEmpty()) {
            throw new BadInputException("统计人员变动报备不完整", errors);
        }
        String name = FieldRules.text("name", newName, MAX_NAME, "新统计人员姓名");
        String handed = FieldRules.text("handover", handover, MAX_HANDOVER, "交接情况");
        String day = FieldRules.date(date, "date");
        Application a = reads.target(codeOrApp);
        Unit u = a.unit();
        String newPhone = phone == null || phone.isBlank() ? u.phone()
                : FieldRules.text("phone", phone, MAX_PHONE, "联系电话");
        return db.store().inTransaction(c -> {
            UnitTable.setStatistician(c, a.appId(), name, newPhone);
            long id = StaffChangeTable.insert(c, u.creditCode(), u.statistician(), name, newPhone, day, handed, why);
            journal.recordRow(c, UnitTable.NAME, a.appId(), "statistician", u.statistician(), name, why);
            journal.recordRow(c, StaffChangeTable.NAME, StaffChangeTable.key(u.creditCode(), id), "*", null,
                    "report", why);
            return new StaffChange(id, u.creditCode(), u.statistician(), name, newPhone, day, handed, why);
        });
    }

    @Override
    public Training addTraining(String person, String codeOrApp, String county, String date, String course,
            Double hours) throws Exception {
        List<InputError> errors = new ArrayList<>();
        if (person == null || person.isBlank()) {
            errors.add(InputError.of("name", "", "参训人员姓名为空"));
        }
        if (course == null || course.isBlank()) {
            errors.add(InputError.of("course", "", "培训内容为空"));
        }
        if (date == null || date.isBlank()) {
            errors.add(InputError.of("date", "", "培训日期为空"));
        }
        if (!errors.isEmpty()) {
            throw new BadInputException("培训记录不完整", errors);
        }
        String who = FieldRules.text("name", person, MAX_NAME, "参训人员姓名");
        String what = FieldRules.text("course", course, MAX_COURSE, "培训内容");
        String day = FieldRules.date(date, "date");
        String code = null;
        String cty = county;
        if (codeOrApp != null) {
            Application a = reads.target(codeOrApp);
            code = a.unit().creditCode();
            cty = a.unit().countyCode();
        }
        if (cty == null || reference.divisions().find(cty).filter(d -> d.level().equals("county")).isEmpty()) {
            throw new BadInputException("需要单位代码或县区代码", List.of(InputError.of("county", Inputs.shown(cty),
                    "不是区划表中的县区代码；或用 --unit 指定单位")));
        }
        if (code == null) {
            // a county's training without a unit: within one's county (a section user has none of its own)
            Scope scope = reads.scope();
            scope.require(cty, scope.specialty());
        }
        String c0 = code;
        String cty0 = cty;
        return db.store().inTransaction(c -> {
            long id = TrainingTable.insert(c, who, c0, cty0, day, what, hours);
            journal.recordRow(c, TrainingTable.NAME, TrainingTable.key(id), "*", null, "add", "培训记录：" + what);
            return new Training(id, who, c0, cty0, day, what, hours);
        });
    }

    @Override
    public List<Coverage> coverage(int year, String city) throws SQLException {
        record T(String person, String code, String county, LocalDate date) {
        }
        List<T> trainings = new ArrayList<>();
        Map<String, String[]> staff; // code → {county, statistician}
        List<String[]> changes;
        try (Connection c = db.store().connection()) {
            for (TrainingTable.Attended t : TrainingTable.all(c)) {
                trainings.add(new T(t.person(), t.creditCode(), t.county(), LocalDate.parse(t.day())));
            }
            staff = UnitTable.statisticians(c, reads.scope());
            changes = StaffChangeTable.all(c);
        }
        // A training counts for a person of a unit when it names the unit, or names no unit but the unit's county.
        BiPredicate<T, String[]> mine = (t, who) -> t.person().equals(who[1])
                && (who[2].equals(t.code()) || (t.code() == null && who[0].equals(t.county())));
        Map<String, int[]> counts = new TreeMap<>();
        for (Map.Entry<String, String[]> e : staff.entrySet()) {
            String[] who = {e.getValue()[0], e.getValue()[1], e.getKey()};
            if (city != null && !who[0].startsWith(city)) {
                continue;
            }
            int[] k = counts.computeIfAbsent(who[0], x -> new int[4]);
            k[0]++;
            if (trainings.stream().anyMatch(t -> t.date().getYear() == year && mine.test(t, who))) {
                k[1]++;
            }
        }
        for (String[] ch : changes) {
            LocalDate day = LocalDate.parse(ch[2]);
            String[] unit = staff.get(ch[0]);
            if (day.getYear() != year || unit == null || (city != null && !unit[0].startsWith(city))) {
                continue;
            }
            String[] who = {unit[0], ch[1], ch[0]};
            int[] k = counts.computeIfAbsent(unit[0], x -> new int[4]);
            k[2]++;
            if (trainings.stream().anyMatch(t -> !t.date().isAfter(day) && t.date().isAfter(day.minusYears(1))
                    && mine.test(t, who))) {
                k[3]++;
            }
        }
        List<Coverage> out = new ArrayList<>();
        counts.forEach((county, k) -> out.add(new Coverage(county, reference.divisions().find(county)
                .map(Divisions.Division::name).orElse(null), k[0], k[1], share(k[1], k[0]), k[2], k[3],
                share(k[3], k[2]))));
        return out;
    }

    private static Double share(int part, int whole) {
        return whole == 0 ? null : Math.round(10000.0 * part / whole) / 10000.0;
    }
}
