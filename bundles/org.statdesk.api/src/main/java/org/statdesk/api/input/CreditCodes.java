package org.statdesk.api.input;

/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015) and its organisation code part (GB 11714): the one
 * check every import of units and records applies, so that a code refused by the register is refused by the records
 * with the same words.
 */
public final class CreditCodes {
    /** The 31 characters a code may hold: digits and capital letters but I, O, S, V, Z. */
    public static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    private CreditCodes() {
    }

    /** The check character for the first 17 characters, or 0 when one of them is not in the charset. */
    public static char checkChar(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = CHARSET.indexOf(first17.charAt(i));
            if (v < 0) {
                return 0;
            }
            sum += v * WEIGHTS[i];
        }
        return CHARSET.charAt((31 - sum % 31) % 31);
    }

    /** Why {@code code} is not a valid credit code (Chinese, for the user), or null when it is. */
    public static String problem(String code) {
        if (code == null || code.isEmpty()) {
            return "统一社会信用代码为空";
        }
        if (code.length() != 18) {
            return "统一社会信用代码应为18位，实际为" + code.length() + "位";
        }
        for (int i = 0; i < 18; i++) {
            char ch = code.charAt(i);
            if (CHARSET.indexOf(ch) < 0) {
                return "统一社会信用代码第" + (i + 1) + "位字符“" + ch + "”不允许（只能是数字和除 I、O、S、V、Z 外的大写字母）";
            }
        }
        char want = checkChar(code.substring(0, 17));
        if (code.charAt(17) != want) {
            return "统一社会信用代码校验位错误：第18位应为“" + want + "”，实际为“" + code.charAt(17) + "”";
        }
        return null;
    }

    public static boolean valid(String code) {
        return problem(code) == null;
    }

    /** The GB 11714 check of the organisation code in positions 9-17; false also when it cannot be computed. */
    public static boolean orgCodeValid(String code) {
        String org = code.substring(8, 17);
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            int v = orgValue(org.charAt(i));
            if (v < 0) {
                return false;
            }
            sum += v * ORG_WEIGHTS[i];
        }
        return org.charAt(8) == orgCheckChar(sum);
    }

    /** The GB 11714 check character of a weighted sum. */
    public static char orgCheckChar(int sum) {
        int c = 11 - sum % 11;
        return c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c);
    }

    /** GB 11714 values: digits 0-9, letters A-Z 10-35; -1 for anything else. */
    public static int orgValue(char ch) {
        if (ch >= '0' && ch <= '9') {
            return ch - '0';
        }
        if (ch >= 'A' && ch <= 'Z') {
            return ch - 'A' + 10;
        }
        return -1;
    }

    /**
     * Builds a valid code from 8 leading characters (department, category, area) and an 8-digit org body: what tests
     * and demonstration data use for units that must pass both checks.
     */
    public static String make(String first8, String orgBody8) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += orgValue(orgBody8.charAt(i)) * ORG_WEIGHTS[i];
        }
        String first17 = first8 + orgBody8 + orgCheckChar(sum);
        return first17 + checkChar(first17);
    }
}
