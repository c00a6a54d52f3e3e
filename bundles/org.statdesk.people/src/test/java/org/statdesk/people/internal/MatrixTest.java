package org.statdesk.people.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MatrixTest {
    private final Matrix m = Matrix.load();

    @Test
    void theShippedMatrixHoldsTheBureausRules() {
        assertTrue(m.allows("county", "registry.check.county"));
        assertFalse(m.allows("county", "registry.check.specialty"), "the specialty check is the section's");
        assertTrue(m.allows("section", "registry.check.specialty"));
        assertTrue(m.allows("census", "registry.spotcheck"));
        assertFalse(m.allows("county", "registry.spotcheck"));
        assertTrue(m.allows("section", "review.flag.confirm"));
        assertFalse(m.allows("county", "review.flag.confirm"), "a county explains and corrects, the section confirms");
        assertTrue(m.allows("leader", "review.status.released"));
        assertFalse(m.allows("section", "review.status.released"));
        assertTrue(m.allows("enforcement", "enforcement.draw"), "enforcement.* covers the draw");
        assertFalse(m.allows("census", "enforcement.draw"));
        assertTrue(m.allows("admin", "admin.backup"));
        assertFalse(m.allows("leader", "admin.restore"));
        assertTrue(m.allows("admin", "user.add"));
        assertFalse(m.allows("census", "user.add"));
    }

    @Test
    void anUnknownPermissionIsNobodysAndNoPermissionIsEverybodys() {
        assertFalse(m.knows("review.something.new"));
        for (String role : Matrix.ROLES) {
            assertFalse(m.allows(role, "review.something.new"), role);
            assertTrue(m.allows(role, ""), role);
        }
    }

    @Test
    void byRoleListsEachRolesPermissions() {
        assertTrue(m.byRole().get("leader").contains("review.status.released"));
        assertEquals(List.of("enforcement.*"), m.byRole().get("enforcement"));
    }

    @Test
    void aFileWithAnUnknownRoleIsRefused() {
        assertThrows(IllegalStateException.class, () -> Matrix.parse(List.of("permission,roles,meaning",
                "registry.apply,mayor,x")));
    }
}
