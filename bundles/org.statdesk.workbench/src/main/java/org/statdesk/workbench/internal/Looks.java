package org.statdesk.workbench.internal;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.Set;
import javax.swing.LookAndFeel;
import javax.swing.UIManager;
import javax.swing.plaf.FontUIResource;

/** The look (外观): FlatLaf when its bundle is there, and a font that renders Chinese everywhere. */
final class Looks {
    private static final String[] CJK = {"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC",
        "Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "SimHei"};

    private Looks() {
    }

    /**
     * Installs FlatLaf from {@code loader} (the FlatLaf bundle's class loader under OSGi). UIManager resolves UI
     * delegates through the "ClassLoader" default, which must be FlatLaf's own, or no delegate is found.
     */
    static boolean install(ClassLoader loader) {
        try {
            Class<?> c = Class.forName("com.formdev.flatlaf.FlatLightLaf", true, loader);
            UIManager.put("ClassLoader", c.getClassLoader());
            UIManager.setLookAndFeel((LookAndFeel) c.getDeclaredConstructor().newInstance());
            applyFont();
            UIManager.put("TabbedPane.showTabSeparators", true);
            UIManager.put("TabbedPane.tabHeight", 30);
            UIManager.put("Table.showHorizontalLines", true);
            UIManager.put("Table.intercellSpacing", new java.awt.Dimension(0, 1));
            UIManager.put("ScrollBar.showButtons", false);
            UIManager.put("Component.arc", 6);
            UIManager.put("Button.arc", 6);
            return true;
        } catch (ReflectiveOperationException | LinkageError | javax.swing.UnsupportedLookAndFeelException e) {
            System.err.println("statdesk.workbench: FlatLaf not available (" + e + "); using the default look");
            applyFont();
            return false;
        }
    }

    static void applyFont() {
        String family = cjkFamily();
        Font base = UIManager.getFont("defaultFont");
        int size = base == null ? 13 : Math.max(13, base.getSize());
        FontUIResource f = new FontUIResource(family, Font.PLAIN, size);
        UIManager.put("defaultFont", f);
        // Non-FlatLaf looks read per-component keys.
        for (Object key : UIManager.getLookAndFeelDefaults().keySet().toArray()) {
            if (key instanceof String k && k.endsWith(".font")) {
                UIManager.put(k, f);
            }
        }
    }

    static String cjkFamily() {
        // Asking for a family by name is cheap; listing every family (below) costs a few hundred ms at start-up.
        for (String p : CJK) {
            Font f = new Font(p, Font.PLAIN, 13);
            if (p.equals(f.getFamily(java.util.Locale.ROOT)) && f.canDisplayUpTo("统计审核") == -1) {
                return p;
            }
        }
        Set<String> names = Set.of(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
        for (String p : CJK) {
            if (names.contains(p)) {
                return p;
            }
        }
        return Font.DIALOG;
    }
}
