package org.statdesk.review.internal.run;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.statdesk.api.audit.Journal;
import org.statdesk.api.review.Flag;
import org.statdesk.review.internal.FormSpec;
import org.statdesk.review.internal.tables.FlagTable;
import org.statdesk.review.internal.tables.ReviewMarkTable;
import org.statdesk.review.internal.tables.ReviewSchema;

/**
 * Stores a run's flags: a flag raised again keeps its id and workflow state (an explanation holds for the figure
 * explained: a changed figure reopens it); open flags no longer raised go; the reports the run saw (written up to
 * {@code seen}) are marked reviewed, so that a later change is a revision. Every row changed is journaled. A run
 * by a county stores its county's flags only, and marks nothing reviewed: the other counties' were not stored.
 */
final class RunFlags {
    private RunFlags() {
    }

    static List<Flag> save(Connection c, Journal journal, FormSpec f, String period, List<Flag> raisedAll,
            long seen, Predicate<String> mine, boolean whole) throws SQLException {
        List<Flag> flags = raisedAll.stream().filter(fl -> mine.test(fl.creditCode())).toList();
        Map<String, FlagTable.Stored> existing = new HashMap<>();
        for (FlagTable.Stored s : FlagTable.stored(c, period, f.code())) {
            if (mine.test(s.key().substring(0, s.key().indexOf('/')))) {
                existing.put(s.key(), s);
            }
        }
        Timestamp now = new Timestamp(System.currentTimeMillis());
        List<Flag> out = new ArrayList<>(flags.size());
        List<Flag> fresh = new ArrayList<>();
        List<Flag> rewritten = new ArrayList<>();
        Set<String> raised = new HashSet<>();
        List<String> touched = new ArrayList<>();
        for (Flag fl : flags) {
            String k = FlagTable.identity(fl.creditCode(), fl.indicator(), fl.rule());
            raised.add(k);
            FlagTable.Stored s = existing.get(k);
            if (s == null) {
                fresh.add(fl);
                continue;
            }
            boolean sameFigure = s.value() != null && s.value() == fl.value();
            String status = sameFigure ? s.status() : "open";
            Flag again = withId(fl, s.id(), status);
            out.add(again);
            boolean same = sameFigure && status.equals(s.status()) && Objects.equals(s.expected(), fl.expected())
                    && fl.kind().equals(s.kind()) && fl.severity().equals(s.severity()) && s.score() == fl.score()
                    && s.message().equals(fl.message());
            if (!same) {
                rewritten.add(again);
                touched.add(String.valueOf(s.id()));
            } // else raised again as it stands: nothing to write
        }
        FlagTable.update(c, rewritten, now);
        List<Long> gone = new ArrayList<>();
        existing.forEach((k, s) -> {
            if (!raised.contains(k) && s.status().equals("open")) {
                gone.add(s.id());
            }
        });
        FlagTable.delete(c, gone);
        List<Long> ids = FlagTable.insert(c, period, f.code(), f.specialty(), fresh, now);
        List<String> keys = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            out.add(withId(fresh.get(i), ids.get(i), "open"));
            keys.add(String.valueOf(ids.get(i)));
        }
        boolean marked = whole && ReviewMarkTable.markReviewed(c, period, f.code(), seen);
        // every change of rev_flag is journaled after it is written: new flags, flags rewritten (figure,
        // expectation, score, message or status), and open flags no longer raised (their entries carry the deletion)
        if (!keys.isEmpty()) {
            journal.recordRows(c, FlagTable.NAME, keys, "review_run", null);
        }
        if (!touched.isEmpty()) {
            journal.recordRows(c, FlagTable.NAME, touched, "review_rerun", null);
        }
        if (!gone.isEmpty()) {
            journal.recordRows(c, FlagTable.NAME, gone.stream().map(String::valueOf).toList(), "no_longer_raised",
                    null);
        }
        if (marked) {
            journal.recordRow(c, ReviewMarkTable.NAME, ReviewMarkTable.key(period, f.code()), "upto", null,
                    String.valueOf(seen), null);
        }
        journal.record(c, new Journal.Change(ReviewSchema.BUNDLE, "review_run", period + "/" + f.code(), "flags",
                null, String.valueOf(flags.size()), gone.isEmpty() ? null : gone.size()
                        + " open flag(s) no longer raised"));
        return out;
    }

    static Flag withId(Flag f, long id, String status) {
        return new Flag(id, f.creditCode(), f.period(), f.indicator(), f.rule(), f.kind(), f.severity(), f.value(),
                f.expected(), f.score(), f.message(), status);
    }
}
