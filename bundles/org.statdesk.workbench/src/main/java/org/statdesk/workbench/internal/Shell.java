package org.statdesk.workbench.internal;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.Toolkit;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntConsumer;
import javax.swing.BorderFactory;
import javax.swing.ButtonGroup;
import javax.swing.Icon;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.JOptionPane;
import javax.swing.JRadioButtonMenuItem;
import javax.swing.JTabbedPane;
import javax.swing.JToolBar;
import javax.swing.KeyStroke;
import javax.swing.SwingConstants;
import javax.swing.WindowConstants;
import org.statdesk.api.feature.FeatureManager.FeatureInfo;
import org.statdesk.api.people.Person;
import org.statdesk.api.review.Flag;
import org.statdesk.api.workbench.View;

/**
 * The workbench window (工作台): navigator on the left, editors in the middle, Problems at the bottom, a status
 * bar. Views come and go as services; every method here runs on the Swing thread.
 */
final class Shell {
    static final String CORE = "core";

    private final Texts texts;
    private final String dataFolder;
    private final Runnable onClose;
    private final Background background;
    private final Map<Object, Host> hosts = new LinkedHashMap<>();
    private final JFrame frame;
    private final JTabbedPane navigator = new JTabbedPane();
    private final JTabbedPane editor = new JTabbedPane();
    private final JTabbedPane bottom = new JTabbedPane();
    private final JMenu viewMenu;
    private final JMenu perspectiveMenu;
    private final JComboBox<String> periodBox = new JComboBox<>();
    private JButton next;
    private final JComboBox<Choice> perspectiveBox = new JComboBox<>();
    private List<FeatureInfo> features = List.of();
    private final StatusBar status;
    private final Layout layout;
    private String period;
    private String perspective;
    private boolean updating;
    /** What the signed-in person's role may do; everything in a data folder without users. */
    private java.util.function.Predicate<String> access = permission -> true;

    Shell(Texts texts, String dataFolder, String period, Runnable onClose) {
        this.texts = texts;
        this.dataFolder = dataFolder;
        this.period = period;
        this.onClose = onClose;
        this.status = new StatusBar(texts);
        this.background = new Background(status, texts);
        this.layout = new Layout(navigator, editor, bottom);
        frame = new JFrame(texts.get("app.title"));
        frame.setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        frame.addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                close();
            }
        });
        JMenuBar bar = new JMenuBar();
        JMenu file = menu("menu.file", 'F');
        JMenuItem exit = new JMenuItem(texts.get("menu.file.exit"));
        exit.setMnemonic('X');
        exit.setAccelerator(KeyStroke.getKeyStroke(KeyEvent.VK_Q, InputEvent.CTRL_DOWN_MASK));
        exit.addActionListener(e -> close());
        file.add(exit);
        viewMenu = menu("menu.view", 'V');
        perspectiveMenu = menu("menu.perspective", 'P');
        JMenu help = menu("menu.help", 'H');
        JMenuItem about = new JMenuItem(texts.get("menu.help.about"));
        about.addActionListener(e -> JOptionPane.showMessageDialog(frame, texts.get("about.text"),
                texts.get("app.title"), JOptionPane.INFORMATION_MESSAGE));
        help.add(about);
        bar.add(file);
        bar.add(viewMenu);
        bar.add(perspectiveMenu);
        bar.add(help);
        frame.setJMenuBar(bar);

        frame.getContentPane().add(toolbar(), BorderLayout.NORTH);
        frame.getContentPane().add(layout.component(), BorderLayout.CENTER);
        frame.getContentPane().add(status.component(), BorderLayout.SOUTH);
        fillPeriods();
        fillPerspectives();
        updateStatus();
        Dimension screen = Toolkit.getDefaultToolkit().getScreenSize();
        frame.setSize(Math.min(1440, screen.width * 9 / 10), Math.min(900, screen.height * 9 / 10));
        frame.setLocationRelativeTo(null);
        editor.putClientProperty("JTabbedPane.tabClosable", true);
        editor.putClientProperty("JTabbedPane.tabCloseCallback", (IntConsumer) this::closeEditorTab);
    }

    /** A menu with its mnemonic shown as Windows and Eclipse show it in Chinese: 文件(F). */
    private JMenu menu(String key, char mnemonic) {
        JMenu m = new JMenu(texts.get(key) + (texts.english() ? "" : "(" + mnemonic + ")"));
        m.setMnemonic(mnemonic);
        return m;
    }

    /** 重置透视图: the closed views open again, every area back at its first size. */
    void resetPerspective() {
        for (Host h : hosts.values()) {
            h.closedByUser = false;
            if (visible(h)) {
                open(h, false);
            }
        }
        layout.reset();
    }

    Layout layout() {
        return layout;
    }

    private JComponent toolbar() {
        JToolBar tb = new JToolBar();
        tb.setFloatable(false);
        tb.setBorder(BorderFactory.createEmptyBorder(4, 8, 4, 8));
        tb.add(new JLabel(texts.get("toolbar.period") + " "));
        periodBox.setMaximumSize(new Dimension(120, 30));
        periodBox.setName("period");
        periodBox.addActionListener(e -> {
            if (!updating && periodBox.getSelectedItem() != null) {
                setPeriod((String) periodBox.getSelectedItem());
            }
        });
        tb.add(periodBox);
        JButton prev = new JButton("◀");
        prev.setToolTipText(texts.get("toolbar.previous"));
        prev.addActionListener(e -> setPeriod(YearMonth.parse(period).minusMonths(1).toString()));
        next = new JButton("▶");
        next.setToolTipText(texts.get("toolbar.next"));
        next.setName("period.next");
        next.addActionListener(e -> setPeriod(YearMonth.parse(period).plusMonths(1).toString()));
        tb.add(prev);
        tb.add(next);
        tb.addSeparator(new Dimension(24, 10));
        tb.add(new JLabel(texts.get("toolbar.perspective") + " "));
        perspectiveBox.setMaximumSize(new Dimension(160, 30));
        perspectiveBox.setName("perspective");
        perspectiveBox.addActionListener(e -> {
            Choice c = (Choice) perspectiveBox.getSelectedItem();
            if (!updating && c != null) {
                setPerspective(c.key);
            }
        });
        tb.add(perspectiveBox);
        tb.add(javax.swing.Box.createHorizontalGlue());
        return tb;
    }

    JFrame frame() {
        return frame;
    }

    Texts texts() {
        return texts;
    }

    Background background() {
        return background;
    }

    String period() {
        return period;
    }

    String perspective() {
        return perspective;
    }

    void show() {
        frame.setVisible(true);
    }

    void close() {
        dispose();
        onClose.run();
    }

    void dispose() {
        for (Host h : new ArrayList<>(hosts.values())) {
            removeView(h.key);
        }
        background.shutdown();
        frame.dispose();
    }

    // ---- views (whiteboard) ----

    void addView(Object key, View view, Map<String, Object> props) {
        if (hosts.containsKey(key)) {
            removeView(key);
        }
        String id = text(props.get(View.ID), String.valueOf(key));
        String title = texts.english() ? text(props.get(View.TITLE_EN), text(props.get(View.TITLE), id))
                : text(props.get(View.TITLE), id);
        Host h = new Host(key, view, id, title, text(props.get(View.SPECIALTY), CORE),
                text(props.get(View.AREA), "editor"), (Icon) props.get("statdesk.view.icon.image"));
        h.rank = props.get(org.osgi.framework.Constants.SERVICE_RANKING) instanceof Integer r ? r : 0;
        h.permission = text(props.get(View.PERMISSION), null);
        hosts.put(key, h);
        if (visible(h)) {
            open(h, false);
        }
        Startup.mark("view " + id + " open");
        rebuildViewMenu();
        fillPerspectives();
    }

    void removeView(Object key) {
        Host h = hosts.remove(key);
        if (h == null) {
            return;
        }
        closeTab(h);
        if (h.context != null) {
            h.context.close();
        }
        if (h.component != null) {
            try {
                h.view.dispose();
            } catch (RuntimeException e) {
                // A departing bundle's error must not reach the user as a dialog.
                System.err.println("statdesk.workbench: view " + h.id + " failed to dispose: " + e);
            }
        }
        rebuildViewMenu();
        fillPerspectives();
    }

    List<Host> hosts() {
        return List.copyOf(hosts.values());
    }

    Host host(String id) {
        return hosts.values().stream().filter(h -> h.id.equals(id)).findFirst().orElse(null);
    }

    private boolean visible(Host h) {
        return !h.closedByUser && permitted(h)
                && (perspective == null || CORE.equals(h.specialty) || perspective.equals(h.specialty));
    }

    /** Whether the role may see this view at all: a view the role cannot use is not offered. */
    private boolean permitted(Host h) {
        return h.permission == null || access.test(h.permission);
    }

    /** Whether the signed-in person's role has {@code permission} (a command's permission name). */
    boolean allows(String permission) {
        return permission == null || permission.isBlank() || access.test(permission);
    }

    /**
     * What the signed-in person may do (People.allows for their role): views they cannot use leave the window and
     * the view menu; views ask {@link #allows} for their actions.
     */
    void setAccess(java.util.function.Predicate<String> allows) {
        access = allows;
        for (Host h : hosts.values()) {
            if (visible(h)) {
                open(h, false);
            } else {
                closeTab(h);
            }
        }
        rebuildViewMenu();
    }

    private JTabbedPane area(Host h) {
        return switch (h.area) {
            case "navigator" -> navigator;
            case "bottom" -> bottom;
            default -> editor;
        };
    }

    private void open(Host h, boolean select) {
        if (h.component == null) {
            h.context = new ContextImpl(this);
            try {
                h.component = h.view.create(h.context);
            } catch (RuntimeException | LinkageError e) {
                System.err.println("statdesk.workbench: view " + h.id + " failed: " + e);
                h.context.close();
                h.context = null;
                JLabel failed = new JLabel(texts.get("view.failed", h.title, String.valueOf(e.getMessage())),
                        SwingConstants.CENTER);
                h.component = failed;
            }
            h.component.putClientProperty(Host.class, h);
        }
        JTabbedPane pane = area(h);
        int at = pane.indexOfComponent(h.component);
        if (at < 0) {
            at = insertionIndex(pane, h);
            pane.insertTab(h.title, h.icon, h.component, null, at);
        }
        if (select) {
            pane.setSelectedIndex(at);
        }
    }

    /** Where a view's tab goes: after every open view that sorts before it (rank, then id). */
    private static int insertionIndex(JTabbedPane pane, Host h) {
        int i = 0;
        while (i < pane.getTabCount()) {
            Component c = pane.getComponentAt(i);
            Host other = c instanceof JComponent jc && jc.getClientProperty(Host.class) instanceof Host o ? o : null;
            if (other != null && Host.ORDER.compare(h, other) < 0) {
                break;
            }
            i++;
        }
        return i;
    }

    private void closeTab(Host h) {
        if (h.component != null) {
            JTabbedPane pane = area(h);
            int at = pane.indexOfComponent(h.component);
            if (at >= 0) {
                pane.removeTabAt(at);
            }
        }
    }

    private void closeEditorTab(int index) {
        Component c = editor.getComponentAt(index);
        if (c instanceof JComponent jc && jc.getClientProperty(Host.class) instanceof Host h) {
            h.closedByUser = true;
            closeTab(h);
        }
    }

    void showView(String id) {
        Host h = host(id);
        if (h != null) {
            h.closedByUser = false;
            if (visible(h)) {
                open(h, true);
            }
        }
    }

    /** The tab title of every view now shown, by area, for tests and the view menu. */
    List<String> openTitles() {
        List<String> out = new ArrayList<>();
        for (JTabbedPane p : List.of(navigator, editor, bottom)) {
            for (int i = 0; i < p.getTabCount(); i++) {
                out.add(p.getTitleAt(i));
            }
        }
        return out;
    }

    /** 视图: the views by area (navigator, editors, bottom), a separator between the areas. */
    private void rebuildViewMenu() {
        viewMenu.removeAll();
        for (String area : List.of("navigator", "editor", "bottom")) {
            List<Host> in = hosts.values().stream().filter(h -> permitted(h)
                    && ("editor".equals(area) ? !"navigator".equals(h.area) && !"bottom".equals(h.area)
                            : area.equals(h.area))).sorted(Host.ORDER).toList();
            if (in.isEmpty()) {
                continue;
            }
            if (viewMenu.getMenuComponentCount() > 0) {
                viewMenu.addSeparator();
            }
            for (Host h : in) {
                JMenuItem item = new JMenuItem(h.title);
                item.addActionListener(e -> showView(h.id));
                viewMenu.add(item);
            }
        }
    }

    /** The view menu's entries as shown, a separator as "-" (tests). */
    List<String> viewMenuEntries() {
        List<String> out = new ArrayList<>();
        for (Component c : viewMenu.getMenuComponents()) {
            out.add(c instanceof JMenuItem i ? i.getText() : "-");
        }
        return out;
    }

    // ---- period, perspective, selection ----

    void setPeriod(String p) {
        YearMonth.parse(p);
        if (p.equals(period)) {
            return;
        }
        period = p;
        fillPeriods();
        updateStatus();
        for (Host h : hosts.values()) {
            if (h.context != null) {
                h.context.periodListeners.forEach(l -> safely(h, () -> l.accept(p)));
            }
        }
    }

    void setPerspective(String specialty) {
        if (Objects.equals(specialty, perspective)) {
            return;
        }
        perspective = specialty;
        fillPerspectives();
        for (Host h : hosts.values()) {
            if (visible(h)) {
                open(h, false);
            } else {
                closeTab(h);
            }
        }
        for (Host h : hosts.values()) {
            if (h.context != null) {
                h.context.specialtyListeners.forEach(l -> safely(h, () -> l.accept(specialty)));
            }
        }
    }

    /**
     * The specialties changed (a report form came or went): every view reloads at once for the perspective it is in,
     * so a disabled specialty's flags and indicators leave and an enabled one's come back without a period switch;
     * a perspective whose specialty went falls back to all specialties.
     */
    void refreshViews() {
        if (perspective != null && !perspectives().contains(perspective)) {
            setPerspective(null);
            return;
        }
        for (Host h : hosts.values()) {
            if (h.context != null) {
                h.context.specialtyListeners.forEach(l -> safely(h, () -> l.accept(perspective)));
            }
        }
    }

    void selectUnit(String code) {
        for (Host h : hosts.values()) {
            if (h.context != null) {
                h.context.unitListeners.forEach(l -> safely(h, () -> l.accept(code)));
            }
        }
    }

    void selectFlag(Flag flag) {
        for (Host h : hosts.values()) {
            if (h.context != null) {
                h.context.flagListeners.forEach(l -> safely(h, () -> l.accept(flag)));
            }
        }
        selectUnit(flag.creditCode());
    }

    /** One view's failing listener must not stop the others nor reach the user as a dialog. */
    private static void safely(Host h, Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            System.err.println("statdesk.workbench: view " + h.id + ": " + e);
        }
    }

    void setFeatures(List<FeatureInfo> f) {
        features = List.copyOf(f);
        fillPerspectives();
        updateStatus();
    }

    private void fillPeriods() {
        updating = true;
        periodBox.removeAllItems();
        YearMonth p = YearMonth.parse(period);
        // no month after this one: its reports cannot have come yet
        YearMonth last = YearMonth.now().isBefore(p) ? p : YearMonth.now();
        for (int i = 12; i >= -24; i--) {
            if (!p.plusMonths(i).isAfter(last)) {
                periodBox.addItem(p.plusMonths(i).toString());
            }
        }
        next.setEnabled(p.isBefore(YearMonth.now()));
        periodBox.setSelectedItem(period);
        updating = false;
    }

    /** One perspective per enabled specialty (a non-required feature), and per specialty a view belongs to. */
    List<String> perspectives() {
        List<String> out = new ArrayList<>();
        for (FeatureInfo f : features) {
            if (f.enabled() && !f.required() && !out.contains(f.name()) && !"workbench".equals(f.name())) {
                out.add(f.name());
            }
        }
        for (Host h : hosts.values()) {
            if (!CORE.equals(h.specialty) && !out.contains(h.specialty)) {
                out.add(h.specialty);
            }
        }
        return out;
    }

    private void fillPerspectives() {
        updating = true;
        List<String> ps = perspectives();
        if (perspective != null && !ps.contains(perspective)) {
            ps.add(perspective);
        }
        perspectiveBox.removeAllItems();
        perspectiveMenu.removeAll();
        ButtonGroup group = new ButtonGroup();
        List<String> keys = new ArrayList<>();
        keys.add(null);
        keys.addAll(ps);
        for (String k : keys) {
            Choice c = new Choice(k, texts.specialty(k));
            perspectiveBox.addItem(c);
            if (Objects.equals(k, perspective)) {
                perspectiveBox.setSelectedItem(c);
            }
            JRadioButtonMenuItem item = new JRadioButtonMenuItem(c.label, Objects.equals(k, perspective));
            item.addActionListener(e -> setPerspective(k));
            group.add(item);
            perspectiveMenu.add(item);
        }
        perspectiveMenu.addSeparator();
        JMenuItem reset = new JMenuItem(texts.get("menu.perspective.reset"));
        reset.setName("perspective.reset");
        reset.setMnemonic('R');
        reset.addActionListener(e -> resetPerspective());
        perspectiveMenu.add(reset);
        updating = false;
    }

    private void updateStatus() {
        status.update(dataFolder, period, features);
    }

    /** Names the signed-in person in the status line. */
    void setPerson(Person p) {
        status.setPerson(p);
    }

    String statusText() {
        return status.text();
    }

    private static String text(Object o, String def) {
        return o == null || o.toString().isBlank() ? def : o.toString();
    }

    record Choice(String key, String label) {
        @Override
        public String toString() {
            return label;
        }
    }
}
