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
