package org.statdesk.charts.internal;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.Set;

/** A font family that renders Chinese (中文字体): without one, labels come out as boxes. */
public final class Fonts {
    private static final String[] PREFERRED = {"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC",
        "Microsoft YaHei", "PingFang SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "SimHei"};
    private static volatile String family;

    private Fonts() {
    }

    public static String family() {
        String f = family;
        if (f == null) {
            f = find();
            family = f;
        }
        return f;
    }

    public static Font font(int style, float size) {
        return new Font(family(), style, Math.round(size));
    }

    private static String find() {
        // Asking for a family by name is cheap; listing every family costs a few hundred ms.
        for (String p : PREFERRED) {
            Font f = new Font(p, Font.PLAIN, 12);
            if (p.equals(f.getFamily(java.util.Locale.ROOT)) && f.canDisplayUpTo("统计审核") == -1) {
                return p;
            }
        }
        Set<String> names = Set.of(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
        for (String p : PREFERRED) {
            if (names.contains(p)) {
                return p;
            }
        }
        for (String n : names) {
            if (new Font(n, Font.PLAIN, 12).canDisplayUpTo("统计审核") == -1) {
                return n;
            }
        }
        return Font.SANS_SERIF;
    }
}
