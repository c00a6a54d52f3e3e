package org.statdesk.workbench.internal;

import java.awt.Component;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.util.Arrays;
import java.util.List;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JTextField;
import org.statdesk.api.registry.Register;

/**
 * The dialog that adds a user (添加用户): login, display name, role, the county (county role) or the specialty
 * (section role), the password twice. The people service checks every field as {@code user:add} does.
 */
final class UserForm {
    /** What the dialog gathered; {@code password} is wiped by the service. */
    record Values(String login, String display, String role, String county, String specialty, char[] password) {
    }

    private final Texts texts;
    final JTextField login = new JTextField(18);
    final JTextField display = new JTextField(18);
    final JComboBox<Shell.Choice> role = new JComboBox<>();
    final JComboBox<Shell.Choice> county = new JComboBox<>();
    final JComboBox<Shell.Choice> specialty = new JComboBox<>();
    final JPasswordField password = new JPasswordField(18);
    final JPasswordField again = new JPasswordField(18);
    final JPanel panel = new JPanel(new GridBagLayout());

    UserForm(Texts texts, List<String> roles, Register register, String city,
            java.util.Map<String, String> specialties) {
        this.texts = texts;
        for (String r : roles) {
            role.addItem(new Shell.Choice(r, texts.get("role." + r)));
        }
        county.addItem(new Shell.Choice(null, ""));
        if (register != null && register.divisions() != null) {
            register.divisions().counties(city).forEach(d -> county.addItem(new Shell.Choice(d.code(),
                    d.name() + " " + d.code())));
        }
        county.setEditable(true);
        specialty.addItem(new Shell.Choice(null, ""));
        specialties.forEach((k, t) -> specialty.addItem(new Shell.Choice(k, t)));
        int row = 0;
        row = field(row, "login", login);
        row = field(row, "display", display);
        row = field(row, "role", role);
        row = field(row, "county", county);
        row = field(row, "specialty", specialty);
        row = field(row, "password", password);
        field(row, "again", again);
        role.addActionListener(e -> enableScope());
        enableScope();
    }

    private int field(int row, String key, JComponent c) {
        c.setName("users.field." + key);
        GridBagConstraints g = new GridBagConstraints();
        g.insets = new Insets(4, 4, 4, 4);
        g.anchor = GridBagConstraints.WEST;
        g.gridy = row;
        g.gridx = 0;
        panel.add(new JLabel(texts.get("users.field." + key)), g);
        g.gridx = 1;
        g.fill = GridBagConstraints.HORIZONTAL;
        panel.add(c, g);
        return row + 1;
    }

    /** A county for a county user, a specialty for a section user; nothing else has either. */
    private void enableScope() {
        String r = ((Shell.Choice) role.getSelectedItem()).key();
        county.setEnabled("county".equals(r));
        specialty.setEnabled("section".equals(r));
    }

    /** Asks until the two passwords agree or the person cancels. */
    boolean ask(Component parent) {
        while (JOptionPane.showConfirmDialog(parent, panel, texts.get("users.add.title"), JOptionPane.OK_CANCEL_OPTION,
                JOptionPane.PLAIN_MESSAGE) == JOptionPane.OK_OPTION) {
            if (Arrays.equals(password.getPassword(), again.getPassword())) {
                return true;
            }
            JOptionPane.showMessageDialog(parent, texts.get("users.passwordsDiffer"), texts.get("users.add.title"),
                    JOptionPane.WARNING_MESSAGE);
        }
        return false;
    }

    Values values() {
        String r = ((Shell.Choice) role.getSelectedItem()).key();
        char[] second = again.getPassword();
        Arrays.fill(second, '\0');
        return new Values(login.getText().strip(), display.getText().strip(), r,
                "county".equals(r) ? countyCode() : null,
                "section".equals(r) ? ((Shell.Choice) specialty.getSelectedItem()).key() : null,
                password.getPassword());
    }

    /** The chosen county's code, or what was typed (the service checks it is a 6-digit code). */
    private String countyCode() {
        Object o = county.getSelectedItem();
        String s = o instanceof Shell.Choice c ? c.key() : o == null ? null : o.toString().strip();
        return s == null || s.isEmpty() ? null : s;
    }

    /** Asks for a new password twice (重置密码); null when cancelled or the two differ. */
    static char[] askPassword(Component parent, Texts texts, String login) {
        JPasswordField first = new JPasswordField(18);
        JPasswordField second = new JPasswordField(18);
        first.setName("users.field.password");
        second.setName("users.field.again");
        JPanel p = new JPanel(new GridBagLayout());
        GridBagConstraints g = new GridBagConstraints();
        g.insets = new Insets(4, 4, 4, 4);
        g.anchor = GridBagConstraints.WEST;
        g.gridwidth = 2;
        p.add(new JLabel(texts.get("users.passwd.for", login)), g);
        g.gridwidth = 1;
        g.gridy = 1;
        p.add(new JLabel(texts.get("users.field.password")), g);
        p.add(first, g);
        g.gridy = 2;
        p.add(new JLabel(texts.get("users.field.again")), g);
        p.add(second, g);
        while (JOptionPane.showConfirmDialog(parent, p, texts.get("users.passwd.title"), JOptionPane.OK_CANCEL_OPTION,
                JOptionPane.PLAIN_MESSAGE) == JOptionPane.OK_OPTION) {
            char[] a = first.getPassword();
            char[] b = second.getPassword();
            boolean same = Arrays.equals(a, b);
            Arrays.fill(b, '\0');
            if (same) {
                return a;
            }
            Arrays.fill(a, '\0');
            JOptionPane.showMessageDialog(parent, texts.get("users.passwordsDiffer"), texts.get("users.passwd.title"),
                    JOptionPane.WARNING_MESSAGE);
        }
        return null;
    }
}
