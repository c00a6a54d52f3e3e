package org.statdesk.tables.internal;

import java.time.LocalDate;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.NumberToTextConverter;

/**
 * How a numeric cell reads as text for an import: a date cell as {@code YYYY-MM-DD}, any other number as the plain
 * decimal Excel shows at full precision ({@code 620602001001}, {@code 4999.5}), whatever its display format (a
 * thousands separator or a fixed number of decimals would otherwise change the figure the import judges).
 */
final class CellText extends DataFormatter {
    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString) {
        return number(value, formatIndex, formatString);
    }

    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
        return number(value, formatIndex, formatString);
    }

    static String number(double value, int formatIndex, String formatString) {
        if (formatString != null && DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
            return date(DateUtil.getLocalDateTime(value).toLocalDate());
        }
        return NumberToTextConverter.toText(value);
    }

    static String date(LocalDate d) {
        return d.toString();
    }
}
