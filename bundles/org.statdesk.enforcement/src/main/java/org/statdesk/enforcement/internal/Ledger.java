package org.statdesk.enforcement.internal;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rectification ledger (问题台账): every problem with an owner, a deadline and evidence, closed item by item
 * (逐条销号) with the closing evidence. Open items past their deadline are overdue (逾期).
 */
interface Ledger {
    Set<String> SOURCES = Set.of("self_check", "spot_check", "draw", "case");

    record Item(long id, String source, String sourceRef, String ownerCode, String countyCode, String problem,
            String evidence, String openedOn, String deadline, String status, String closingEvidence,
            String closedOn, String closedBy, boolean overdue, boolean closedLate, Long daysOverdue) {
    }

    /** Progress of one county (销号进度). */
    record Progress(int total, int closed, int open, int overdue, Double closedShare) {
    }

    record LedgerView(String asOf, List<Item> items, Map<String, Progress> counties, Progress total) {
    }

    /** A new item as typed or derived from a check or case. */
    record NewItem(String source, String sourceRef, String ownerCode, String problem, String evidence,
            LocalDate openedOn, LocalDate deadline) {
    }

    /** Validates and adds an item in the caller's transaction; returns its id. */
    long add(Connection c, NewItem n, String reason) throws Exception;

    /** Validates and adds an item in a transaction of its own. */
    Item add(NewItem n) throws Exception;

    /** Closes an open item with its closing evidence (销号). */
    Item close(long id, String evidence, LocalDate on) throws Exception;

    Item item(long id, LocalDate asOf) throws Exception;

    /** The ledger as of a day, optionally for one county and a status ({@code open}, {@code closed}, {@code overdue}). */
    LedgerView view(String county, String status, LocalDate asOf) throws Exception;
}
