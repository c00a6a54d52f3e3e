package org.statdesk.workbench.internal;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.util.Arrays;
import java.util.List;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.ListSelectionModel;
import javax.swing.SwingWorker;
import javax.swing.table.DefaultTableModel;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.statdesk.api.feature.FeatureManager;
import org.statdesk.api.people.People;
import org.statdesk.api.people.People.User;
import org.statdesk.api.people.UserAccounts;
import org.statdesk.api.registry.Register;
import org.statdesk.api.workbench.View;
import org.statdesk.api.workbench.ViewContext;

/**
 * The administrator's users view (用户管理): every user with role, county, specialty and state; add, disable, unlock
 * and reset a password through {@link UserAccounts}, the code the {@code user:*} commands run, after the same
 * permission check ({@code user.add}, {@code user.disable}, {@code user.unlock}, {@code user.passwd}).
 */
@Component(service = View.class, property = {View.ID + "=statdesk.workbench.users", View.TITLE + "=用户管理",
    View.TITLE_EN + "=Users", View.SPECIALTY + "=core", View.AREA + "=editor", View.PERMISSION + "=user.list"})
public class UsersView implements View {
    /** The city whose counties a county user may be given (the reference data ships Wuwei's, 620600). */
    static final String CITY = "statdesk.city";
    static final String[] ROLES = {"admin", "census", "section", "county", "enforcement", "leader"};
    private final People people;
    private final UserAccounts accounts;
    private final Register register;
    private final Texts texts;
    private final String city;

    private FeatureManager features;

    @Activate
    public UsersView(@Reference People people, @Reference UserAccounts accounts,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL) Register register,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL) FeatureManager features, BundleContext ctx) {
        this(people, accounts, register, Texts.of(ctx.getProperty("statdesk.locale")), city(ctx.getProperty(CITY)));
        this.features = features;
    }

    /** A specialty's title from its feature file (the feature manager knows it before the window learns it). */
    String specialtyTitle(String key) {
        return features == null ? texts.specialty(key) : features.title(key, texts.language());
    }

    /** The specialties a section user may be given: every specialty feature, by title. */
    java.util.Map<String, String> specialties() {
        if (features == null) {
            return texts.specialties();
        }
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        features.features().stream().filter(f -> !f.required() && !"workbench".equals(f.name()))
                .forEach(f -> out.put(f.name(), features.title(f.name(), texts.language())));
        return out;
    }

    UsersView(People people, UserAccounts accounts, Register register, Texts texts, String city) {
        this.city = city;
        this.people = people;
        this.accounts = accounts;
        this.register = register;
        this.texts = texts;
    }

    static String city(String configured) {
        return configured == null || !configured.matches("\\d{6}") ? "620600" : configured;
    }

    @Override
    public JComponent create(ViewContext ctx) {
        return new Panel(ctx).root;
    }

    /** One users view: its table, buttons and dialogs. */
    final class Panel {
        final ViewContext ctx;
        final JPanel root = new JPanel(new BorderLayout());
        final DefaultTableModel model = new DefaultTableModel() {
            private static final long serialVersionUID = 1L;

            @Override
            public boolean isCellEditable(int r, int c) {
                return false;
            }
        };
        final JTable table = new JTable(model);
        final JLabel message = new JLabel(" ");
        List<User> users = List.of();

        Panel(ViewContext ctx) {
            this.ctx = ctx;
            for (String c : new String[] {"login", "display", "role", "county", "specialty", "state", "created"}) {
                model.addColumn(texts.get("users.col." + c));
            }
            table.setName("users.table");
            table.setRowHeight(26);
            table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
            table.setAutoCreateRowSorter(true);
            JPanel bar = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 3));
            bar.add(button("add", "user.add", this::add));
            bar.add(button("disable", "user.disable", this::disable));
            bar.add(button("unlock", "user.unlock", this::unlock));
            bar.add(button("passwd", "user.passwd", this::resetPassword));
            bar.add(button("refresh", null, this::reload));
            bar.add(message);
            root.add(bar, BorderLayout.NORTH);
            root.add(new JScrollPane(table), BorderLayout.CENTER);
            root.putClientProperty(Panel.class, this);
            reload();
        }

        private JButton button(String key, String permission, Runnable action) {
            JButton b = new JButton(texts.get("users." + key));
            b.setName("users." + key);
            b.setEnabled(permission == null || ctx.allows(permission));
            b.addActionListener(e -> action.run());
            return b;
        }

        User selected() {
            int row = table.getSelectedRow();
            return row < 0 ? null : users.get(table.convertRowIndexToModel(row));
        }

        void reload() {
            work(null, () -> null);
        }

        /**
         * Runs {@code change} off the Swing thread after the permission check the command line makes, then shows
         * the users again; bad input or a refusal is said in the view (and in a dialog when a dialog asked).
         */
        void work(String permission, java.util.concurrent.Callable<String> change) {
            new SwingWorker<List<User>, Void>() {
                String done;

                @Override
                protected List<User> doInBackground() throws Exception {
                    if (permission != null) {
                        people.require(permission);
                        done = change.call();
                    }
                    return people.users();
                }

                @Override
                protected void done() {
                    try {
                        show(get());
                        message.setText(done == null ? " " : done);
                    } catch (Exception e) {
                        Throwable c = e.getCause() == null ? e : e.getCause();
                        message.setText(texts.get("users.failed", String.valueOf(c.getMessage())));
                        if (permission != null) {
                            JOptionPane.showMessageDialog(root, message.getText(), texts.get("users.title"),
                                    JOptionPane.WARNING_MESSAGE);
                        }
                    }
                }
            }.execute();
        }

        private void show(List<User> list) {
            users = list;
            model.setRowCount(0);
            for (User u : list) {
                model.addRow(new Object[] {u.login(), u.display(), texts.get("role." + u.role()),
                    u.county() == null ? "" : countyName(u.county()),
                    u.specialty() == null ? "" : specialtyTitle(u.specialty()),
                    texts.get(!u.enabled() ? "users.disabled" : u.locked() ? "users.locked" : "users.enabled"),
                    Times.local(u.created())});
            }
        }

        private String countyName(String code) {
            return register == null || register.divisions() == null ? code
                    : register.divisions().find(code).map(d -> d.name() + " " + code).orElse(code);
        }

        void add() {
            UserForm form = new UserForm(texts, Arrays.asList(ROLES), register, city, specialties());
            if (form.ask(root)) {
                UserForm.Values v = form.values();
                work("user.add", () -> {
                    accounts.add(v.login(), v.role(), v.county(), v.specialty(), v.display(), v.password());
                    return texts.get("users.added", v.login());
                });
            }
        }

        void disable() {
            User u = selected();
            if (u != null && Dialogs.confirm(root, texts, texts.get("users.disable.ask", u.login(), u.display()))) {
                work("user.disable", () -> {
                    accounts.disable(u.login());
                    return texts.get("users.disabledDone", u.login());
                });
            }
        }

        void unlock() {
            User u = selected();
            if (u != null) {
                work("user.unlock", () -> {
                    accounts.unlock(u.login());
                    return texts.get("users.unlocked", u.login());
                });
            }
        }

        void resetPassword() {
            User u = selected();
            if (u == null) {
                return;
            }
            char[] pw = UserForm.askPassword(root, texts, u.login());
            if (pw != null) {
                work("user.passwd", () -> {
                    accounts.changePassword(u.login(), pw);
                    return texts.get("users.passwdDone", u.login());
                });
            }
        }
    }
}
