package org.statdesk.review.internal.flags;

import java.util.List;
import org.statdesk.api.review.Flag;

/**
 * The flags of a period and their workflow (审核疑问处理): open → explained (the unit's explanation), corrected (the
 * revised figure, 数据修正) or confirmed (审核确认) → closed.
 */
public interface FlagWorkflow {
    /** Flags stored for a period, highest score first; specialty may be null. */
    List<Flag> flags(String period, String specialty);

    /** Moves a flag on: explain (with text), correct (with the revised value and a reason), confirm, close. */
    Flag resolve(long flagId, String action, String text, Double revisedValue, String reason);
}
