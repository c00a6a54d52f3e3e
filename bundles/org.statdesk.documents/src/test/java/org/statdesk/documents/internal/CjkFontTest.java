package org.statdesk.documents.internal;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CjkFontTest {
    @Test
    void aMissingFontIsAClearError() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> CjkFont.open("/no/such/font.ttc", ""));
        assertTrue(e.getMessage().contains("/no/such/font.ttc (not found)"), e.getMessage());
        assertTrue(e.getMessage().contains("fonts-wqy-microhei") && e.getMessage().contains("font=PATH"));
    }

    @Test
    void notoCjkIsPassedOverWithTheReason() {
        Path noto = Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");
        assumeTrue(Files.isRegularFile(noto), "fonts-noto-cjk (.ci/run installs it for the window and charts)");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CjkFont.open(noto.toString(), ""));
        assertTrue(e.getMessage().contains("CFF outlines"), e.getMessage());
    }

    @Test
    void theDefaultSearchFindsATrueTypeCjkFont() throws Exception {
        try (CjkFont f = CjkFont.open("", "")) {
            assertTrue(f.draws('统') && f.draws('7') && f.draws('A'), f.path.toString());
        }
    }
}
