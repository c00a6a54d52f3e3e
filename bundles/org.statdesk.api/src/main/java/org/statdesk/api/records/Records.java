package org.statdesk.api.records;

import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The imported records, read side; they change only through {@code records:import}. Records are kept for units that
 * are not in the register too: that is how missing units (应统尽统) are found. Periods are {@code YYYY-MM}.
 */
@ProviderType
public interface Records {
    /** 税务: the month's VAT-invoiced sales of a unit, 千元. */
    String TAX = "tax";
    /** 供电公司: the month's metered consumption of a unit, 万千瓦时. */
    String POWER = "power";
    /** 市场监管: a unit's registration and its status. */
    String MARKET = "market";
    /** 单位统计台账: the unit's own ledger totals, indicator by indicator. */
    String LEDGER = "ledger";

    /** The market statuses of a unit that is operating (存续, 在业, 开业). */
    List<String> ACTIVE = List.of("存续", "在业", "开业");
    /** The market statuses of a unit that has left (注销, 吊销, 迁出). */
    List<String> GONE = List.of("注销", "吊销", "迁出");

    /**
     * The monthly figures of {@link #TAX} or {@link #POWER} for the periods {@code from} to {@code to} (inclusive):
     * credit code → period → value. Units without a record in the range are absent.
     */
    Map<String, NavigableMap<String, Double>> monthly(String source, String from, String to);

    /** The ledger totals for the periods {@code from} to {@code to}: credit code → period → indicator → value. */
    Map<String, NavigableMap<String, Map<String, Double>>> ledger(String from, String to);

    /** Every market registration, by credit code. */
    Map<String, MarketRecord> market();

    /** The latest period of {@code source} imported ({@link #TAX}, {@link #POWER} or {@link #LEDGER}), if any. */
    Optional<String> latest(String source);

    /**
     * A market registration (市场主体登记).
     *
     * @param status one of {@link #ACTIVE} or {@link #GONE}
     * @param statusDate the date of the status, {@code YYYY-MM-DD}, or null
     * @param registeredCapital 注册资本, 万元, or null when not given
     */
    record MarketRecord(String creditCode, String name, String status, String statusDate, String industryCode,
            String divisionCode, Double registeredCapital) {
        public boolean active() {
            return ACTIVE.contains(status);
        }

        public boolean gone() {
            return GONE.contains(status);
        }
    }
}
