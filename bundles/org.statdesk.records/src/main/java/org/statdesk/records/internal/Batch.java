package org.statdesk.records.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/** The rows of one records file as judged, ready to be written: one list filled, by the file's source. */
final class Batch {
    /** A month's figure of a unit (tax: 千元; power: 万千瓦时). */
    record Monthly(String creditCode, String period, double amount) {
    }

    /** A ledger total of a unit for one indicator and month. */
    record Ledger(String creditCode, String period, String indicator, double amount) {
    }

    /** A market registration. */
    record Market(String creditCode, String name, String status, String statusDate, String industryCode,
            String divisionCode, Double registeredCapital) {
    }

    final Source source;
    final List<Monthly> monthly = new ArrayList<>();
    final List<Ledger> ledger = new ArrayList<>();
    final List<Market> market = new ArrayList<>();
    /** The months the file holds: what a re-import of a monthly source replaces. */
    final SortedSet<String> periods = new TreeSet<>();

    Batch(Source source) {
        this.source = source;
    }

    int size() {
        return monthly.size() + ledger.size() + market.size();
    }
}
