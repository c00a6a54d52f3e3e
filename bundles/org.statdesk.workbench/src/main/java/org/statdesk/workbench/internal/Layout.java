package org.statdesk.workbench.internal;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import javax.swing.JComponent;
import javax.swing.JPanel;
import javax.swing.JSplitPane;
import javax.swing.JTabbedPane;

/**
 * The window's areas (布局): navigator left, editors in the middle, Problems below, each a single row of tabs that
 * scrolls with a list of the hidden ones; every area keeps a minimum size so that no view is squeezed away; a
 * double-click on a tab maximises its area and a second one restores it; {@link #reset} puts everything back.
 */
final class Layout {
    static final int NAVIGATOR_WIDTH = 310;
    static final double EDITOR_SHARE = 0.68;
    private final JTabbedPane navigator;
    private final JTabbedPane editor;
    private final JTabbedPane bottom;
    private final JSplitPane centre;
    private final JSplitPane main;
    private final JPanel root = new JPanel(new BorderLayout());
    private JTabbedPane maximised;

    Layout(JTabbedPane navigator, JTabbedPane editor, JTabbedPane bottom) {
        this.navigator = navigator;
        this.editor = editor;
        this.bottom = bottom;
        for (JTabbedPane p : new JTabbedPane[] {navigator, editor, bottom}) {
            p.setTabLayoutPolicy(JTabbedPane.SCROLL_TAB_LAYOUT);
            p.putClientProperty("JTabbedPane.tabsPopupPolicy", "asNeeded");
            p.putClientProperty("JTabbedPane.scrollButtonsPolicy", "asNeededSingle");
            p.addMouseListener(new MouseAdapter() {
                @Override
                public void mouseClicked(MouseEvent e) {
                    if (e.getClickCount() == 2 && p.indexAtLocation(e.getX(), e.getY()) >= 0) {
                        toggleMaximised(p);
                    }
                }
            });
        }
        navigator.setMinimumSize(new Dimension(200, 100));
        editor.setMinimumSize(new Dimension(360, 240));
        bottom.setMinimumSize(new Dimension(100, 160));
        centre = new JSplitPane(JSplitPane.VERTICAL_SPLIT, editor, bottom);
        centre.setResizeWeight(EDITOR_SHARE);
        centre.setBorder(null);
        main = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, navigator, centre);
        main.setResizeWeight(0.2);
        main.setDividerLocation(NAVIGATOR_WIDTH);
        main.setBorder(null);
        root.add(main, BorderLayout.CENTER);
    }

    JComponent component() {
        return root;
    }

    /** The area shown alone, or null when all are. */
    JTabbedPane maximised() {
        return maximised;
    }

    /** Shows {@code area} alone in the window, or all areas again when it already is. */
    void toggleMaximised(JTabbedPane area) {
        if (maximised != null) {
            restore();
            return;
        }
        maximised = area;
        root.remove(main);
        root.add(area, BorderLayout.CENTER);
        root.revalidate();
        root.repaint();
    }

    private void restore() {
        if (maximised == null) {
            return;
        }
        root.remove(maximised);
        if (maximised == navigator) {
            main.setLeftComponent(navigator);
        } else if (maximised == editor) {
            centre.setTopComponent(editor);
        } else {
            centre.setBottomComponent(bottom);
        }
        maximised = null;
        root.add(main, BorderLayout.CENTER);
        root.revalidate();
        root.repaint();
    }

    /** 重置透视图: every area back, at its first size. */
    void reset() {
        restore();
        main.setDividerLocation(NAVIGATOR_WIDTH);
        centre.setDividerLocation(EDITOR_SHARE);
    }

    int editorHeight() {
        return editor.getHeight();
    }
}
