package org.statdesk.registry.internal;

import org.statdesk.api.input.CreditCodes;

/**
 * The register's names for the credit code check, which lives in the api ({@link CreditCodes}) so that the records
 * import refuses the same codes with the same words.
 */
public final class CreditCode {
    static final String CHARSET = CreditCodes.CHARSET;

    private CreditCode() {
    }

    static char checkChar(String first17) {
        return CreditCodes.checkChar(first17);
    }

    static String problem(String code) {
        return CreditCodes.problem(code);
    }

    static boolean valid(String code) {
        return CreditCodes.valid(code);
    }

    static boolean orgCodeValid(String code) {
        return CreditCodes.orgCodeValid(code);
    }

    static char orgCheckChar(int sum) {
        return CreditCodes.orgCheckChar(sum);
    }

    static int orgValue(char ch) {
        return CreditCodes.orgValue(ch);
    }

    static String make(String first8, String orgBody8) {
        return CreditCodes.make(first8, orgBody8);
    }
}
