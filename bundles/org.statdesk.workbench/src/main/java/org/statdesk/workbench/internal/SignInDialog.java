package org.statdesk.workbench.internal;

import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.util.Arrays;
import java.util.function.BiFunction;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;

/**
 * The sign-in dialog (登录) shown before the window opens when the data folder has users: user name and password,
 * 确定/取消, the failure said in the dialog and the password field emptied, until the person signs in or cancels.
 */
final class SignInDialog {
    private final Texts texts;

    SignInDialog(Texts texts) {
        this.texts = texts;
    }

    /**
     * Asks until {@code signIn} accepts (returns a result) or the person cancels (null). {@code signIn} gets the
     * user name and the password and returns null or throws when the sign-in fails; the password array is wiped.
     */
    <T> T ask(BiFunction<String, char[], T> signIn) {
        JTextField user = new JTextField(18);
        JPasswordField password = new JPasswordField(18);
        JLabel message = new JLabel(texts.get("signin.heading"));
        JPanel p = new JPanel(new GridBagLayout());
        GridBagConstraints g = new GridBagConstraints();
        g.insets = new Insets(4, 4, 4, 4);
        g.anchor = GridBagConstraints.WEST;
        g.gridx = 0;
        g.gridy = 0;
        g.gridwidth = 2;
        p.add(message, g);
        g.gridwidth = 1;
        g.gridy = 1;
        p.add(new JLabel(texts.get("signin.user")), g);
        g.gridx = 1;
        p.add(user, g);
        g.gridx = 0;
        g.gridy = 2;
        p.add(new JLabel(texts.get("signin.password")), g);
        g.gridx = 1;
        p.add(password, g);
        Object[] options = {texts.get("signin.ok"), texts.get("signin.cancel")};
        while (true) {
            JOptionPane pane = new JOptionPane(p, JOptionPane.PLAIN_MESSAGE, JOptionPane.OK_CANCEL_OPTION, null,
                    options, options[0]);
            var dialog = pane.createDialog(null, texts.get("signin.title"));
            dialog.addWindowFocusListener(new java.awt.event.WindowAdapter() {
                @Override
                public void windowGainedFocus(java.awt.event.WindowEvent e) {
                    SwingUtilities.invokeLater(() -> (user.getText().isEmpty() ? user : password)
                            .requestFocusInWindow());
                }
            });
            dialog.setVisible(true);
            dialog.dispose();
            if (!options[0].equals(pane.getValue())) {
                return null;
            }
            char[] pw = password.getPassword();
            try {
                T result = signIn.apply(user.getText().strip(), pw);
                if (result != null) {
                    return result;
                }
            } catch (RuntimeException e) {
                // the same words whatever went wrong: the dialog tells an attacker nothing more than the command line
            } finally {
                Arrays.fill(pw, '\0');
            }
            password.setText("");
            message.setText(texts.get("signin.failed"));
        }
    }
}
