package org.statdesk.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.statdesk.workbench.internal.WorkbenchGuiTest.waitFor;

import java.awt.Component;
import java.awt.Container;
import java.awt.GraphicsEnvironment;
import java.awt.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.swing.AbstractButton;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPasswordField;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sign-in dialog driven as a person would: a wrong password, the message, then the right one; and 取消. */
class SignInDialogGuiTest {
    private final List<String> tried = new ArrayList<>();

    @BeforeEach
    void display() {
        assertTrue(!GraphicsEnvironment.isHeadless() && System.getenv("DISPLAY") != null
                && !System.getenv("DISPLAY").isBlank(),
                "no display: the GUI tests open real windows; run .ci/run (it starts Xvfb), or Xvfb :99 & and DISPLAY=:99");
    }

    private String signIn(String user, char[] pw) {
        tried.add(user + ":" + new String(pw));
        if (!"liwei".equals(user) || !"凉州区统计局2026".equals(new String(pw))) {
            throw new IllegalStateException("sign-in failed");
        }
        return "李伟";
    }

    @Test
    void aWrongPasswordIsSaidInTheDialogAndTheRightOneSignsIn() throws Exception {
        CompletableFuture<String> result = new CompletableFuture<>();
        SwingUtilities.invokeLater(() -> result.complete(new SignInDialog(Texts.of("zh")).ask(this::signIn)));
        JDialog d = dialog();
        assertEquals("登录 StatDesk", d.getTitle());
        assertTrue(texts(d).contains("确定") && texts(d).contains("取消"), texts(d).toString());
        type(d, "liwei", "wrong password");
        press(d, "确定");
        waitFor("the failure in the dialog", () -> showing() != null
                && texts(showing()).stream().anyMatch(t -> t.startsWith("登录失败")), 5_000);
        JDialog again = dialog();
        assertEquals("", find(again, JPasswordField.class).getText(), "the password field is emptied");
        type(again, "liwei", "凉州区统计局2026");
        press(again, "确定");
        assertEquals("李伟", result.get(5, TimeUnit.SECONDS));
        assertEquals(List.of("liwei:wrong password", "liwei:凉州区统计局2026"), tried);
    }

    @Test
    void cancelSignsNoOneIn() throws Exception {
        CompletableFuture<String> result = new CompletableFuture<>();
        SwingUtilities.invokeLater(() -> result.complete(new SignInDialog(Texts.of("zh")).ask(this::signIn)));
        press(dialog(), "取消");
        assertNull(result.get(5, TimeUnit.SECONDS));
        assertArrayEquals(new Object[0], tried.toArray());
    }

    static JDialog showing() {
        for (Window w : Window.getWindows()) {
            if (w instanceof JDialog j && j.isShowing()) {
                return j;
            }
        }
        return null;
    }

    static JDialog dialog() throws Exception {
        waitFor("the sign-in dialog", () -> showing() != null, 5_000);
        return WorkbenchGuiTest.onEdt(SignInDialogGuiTest::showing);
    }

    private static void type(JDialog d, String user, String password) throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            find(d, JTextField.class).setText(user);
            find(d, JPasswordField.class).setText(password);
        });
    }

    static void press(JDialog d, String label) throws Exception {
        SwingUtilities.invokeAndWait(() -> all(d, AbstractButton.class).stream()
                .filter(b -> label.equals(b.getText())).findFirst().orElseThrow().doClick());
    }

    static List<String> texts(Container c) {
        List<String> out = new ArrayList<>();
        all(c, JLabel.class).forEach(l -> out.add(l.getText()));
        all(c, AbstractButton.class).forEach(b -> out.add(b.getText()));
        return out;
    }

    private static <T> T find(Container c, Class<T> type) {
        return all(c, type).stream().filter(x -> x.getClass() == type).findFirst().orElseThrow();
    }

    static <T> List<T> all(Container c, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Component k : c.getComponents()) {
            if (type.isInstance(k)) {
                out.add(type.cast(k));
            }
            if (k instanceof Container kc) {
                out.addAll(all(kc, type));
            }
        }
        return out;
    }
}
