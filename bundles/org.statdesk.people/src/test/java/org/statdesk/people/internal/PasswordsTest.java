package org.statdesk.people.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordsTest {
    @Test
    void aHashVerifiesItsPasswordOnlyAndNeverHoldsIt() {
        String h = Passwords.hash("武威统计2026!".toCharArray());
        assertTrue(h.startsWith("pbkdf2-sha256$600000$"), h);
        assertFalse(h.contains("武威统计"));
        assertTrue(Passwords.matches("武威统计2026!".toCharArray(), h));
        assertFalse(Passwords.matches("武威统计2026?".toCharArray(), h));
        assertNotEquals(h, Passwords.hash("武威统计2026!".toCharArray()), "a new salt every time");
    }

    @Test
    void anOlderIterationCountStillVerifies() {
        String h = Passwords.hash("correct horse".toCharArray(), new byte[16], 1000);
        assertEquals("pbkdf2-sha256$1000$", h.substring(0, 19));
        assertTrue(Passwords.matches("correct horse".toCharArray(), h));
    }

    @Test
    void theUnknownUsersHashIsShapedAsARealOneSoItsCheckCostsTheSameAndMatchesNothing() {
        String real = Passwords.hash("武威统计2026!".toCharArray());
        String[] d = PeopleImpl.DUMMY.split("\\$");
        String[] r = real.split("\\$");
        assertEquals(r.length, d.length);
        assertEquals(r[0] + "$" + r[1], d[0] + "$" + d[1], "the same scheme and iterations");
        assertEquals(java.util.Base64.getDecoder().decode(r[2]).length, java.util.Base64.getDecoder().decode(d[2]).length);
        assertEquals(java.util.Base64.getDecoder().decode(r[3]).length, java.util.Base64.getDecoder().decode(d[3]).length);
        assertFalse(Passwords.matches("not-a-real-password".toCharArray(), PeopleImpl.DUMMY));
        assertFalse(Passwords.matches("".toCharArray(), PeopleImpl.DUMMY));
    }

    @Test
    void malformedStoredHashesNeverMatch() {
        assertFalse(Passwords.matches("x".toCharArray(), null));
        assertFalse(Passwords.matches("x".toCharArray(), "plain"));
        assertFalse(Passwords.matches("x".toCharArray(), "pbkdf2-sha256$many$AAAA$AAAA"));
    }

    @Test
    void weakPasswordsAreNamed() {
        assertNotNull(Passwords.weakness("short".toCharArray()));
        assertNotNull(Passwords.weakness("aaaaaaaaaaaa".toCharArray()));
        assertNull(Passwords.weakness("long enough 1".toCharArray()));
    }
}
