package org.statdesk.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CreditCodeTest {
    // Published codes; their check characters were computed by hand from the weights in DOMAIN.md.
    static final String[] VALID = {"91350100M000100Y43", "91110000600037341L"};

    @Test
    void validCodesPass() {
        for (String c : VALID) {
            assertNull(CreditCode.problem(c), c);
        }
        assertEquals('L', CreditCode.checkChar("91110000600037341"));
    }

    @Test
    void everyWrongCheckCharacterFails() {
        for (String c : VALID) {
            int wrong = 0;
            for (char ch : CreditCode.CHARSET.toCharArray()) {
                String x = c.substring(0, 17) + ch;
                if (ch != c.charAt(17)) {
                    String p = CreditCode.problem(x);
                    assertNotNull(p, x);
                    assertTrue(p.contains("校验位"), p);
                    wrong++;
                }
            }
            assertEquals(30, wrong);
        }
    }

    @Test
    void forbiddenLettersFailAtTheirPosition() {
        for (char bad : "IOSVZ".toCharArray()) {
            String x = "91350100M00010" + bad + "Y43";
            String p = CreditCode.problem(x);
            assertNotNull(p);
            assertTrue(p.contains("第15位") && p.contains(String.valueOf(bad)), p);
            assertFalse(CreditCode.valid("9135010" + bad + "M000100Y43"));
        }
        assertFalse(CreditCode.valid("91350100m000100Y43"), "lower case is not in the charset");
    }

    @Test
    void wrongLengthFails() {
        assertTrue(CreditCode.problem("91350100M000100Y4").contains("18位"));
        assertTrue(CreditCode.problem("91350100M000100Y433").contains("18位"));
        assertNotNull(CreditCode.problem(""));
        assertNotNull(CreditCode.problem(null));
    }

    @Test
    void organisationCodeCheckIsSeparate() {
        // 60003734-1: 6·3+0+0+0+3·5+7·8+3·4+4·2 = 109, 11 - 109 mod 11 = 1
        assertTrue(CreditCode.orgCodeValid("91110000600037341L"));
        // M000100Y-4: M=22, Y=34: 22·3 + 1·5 + 34·2 = 139, 11 - 139 mod 11 = 4
        assertTrue(CreditCode.orgCodeValid("91350100M000100Y43"));
        // 60003734-2 with its credit check recomputed (P): the code is valid, its organisation code is not
        assertTrue(CreditCode.valid("91110000600037342P"));
        assertFalse(CreditCode.orgCodeValid("91110000600037342P"));
        assertEquals('X', CreditCode.orgCheckChar(1));
        assertEquals('0', CreditCode.orgCheckChar(0));
        String made = CreditCode.make("91620602", "12345678");
        assertTrue(CreditCode.valid(made) && CreditCode.orgCodeValid(made), made);
    }
}
