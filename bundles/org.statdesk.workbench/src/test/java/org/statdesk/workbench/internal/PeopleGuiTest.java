package org.statdesk.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.statdesk.workbench.internal.SignInDialogGuiTest.dialog;
import static org.statdesk.workbench.internal.SignInDialogGuiTest.press;
import static org.statdesk.workbench.internal.SignInDialogGuiTest.showing;
import static org.statdesk.workbench.internal.WorkbenchGuiTest.find;
import static org.statdesk.workbench.internal.WorkbenchGuiTest.onEdt;
import static org.statdesk.workbench.internal.WorkbenchGuiTest.waitFor;

import java.util.List;
import java.util.Map;
import javax.swing.AbstractButton;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JPasswordField;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.statdesk.api.command.NotPermittedException;
import org.statdesk.api.people.People.User;
import org.statdesk.api.people.Person;
import org.statdesk.api.workbench.View;
import org.statdesk.people.internal.PeopleImpl;
import org.statdesk.people.internal.TestPeople;
import org.statdesk.testing.FakeReview;
import org.statdesk.testing.ListRegister;

/**
 * People in the workbench, on the people bundle's own service and matrix: the status line names the person and role,
 * what the role cannot do is hidden or disabled, and the administrator's users view adds, disables, unlocks and
 * resets a password through the same service the user:* commands call, driven through its dialogs.
 */
class PeopleGuiTest {
    private static final String ADMIN_PW = "管理员的长密码-2026";
    private Shell shell;
    private PeopleImpl people;
    private ListRegister register;
    private FakeReview review;
    private Texts texts;

    @BeforeEach
    void open() throws Exception {
        Gui.requireDisplay();
        people = TestPeople.create();
        people.add("admin", "admin", null, null, "系统管理员王芳", ADMIN_PW.toCharArray());
        people.add("liangzhou", "county", "620602", null, "凉州区李伟", "凉州区统计局的长密码".toCharArray());
        people.add("gongye", "section", null, "industrial", "工业科张敏", "工业科的密码很长很长".toCharArray());
        Object[] demo = Fakes.demo(40);
        FakeReview review = (FakeReview) demo[0];
        register = (ListRegister) demo[1];
        Texts texts = Texts.of("zh");
        texts.learnTitles(Map.of("industrial", "工业", "trade", "批零住餐"));
        onEdt(() -> {
            Looks.install(PeopleGuiTest.class.getClassLoader());
            Dialogs.localize(texts);
            shell = new Shell(texts, "/home/tongji/statdesk-data", "2024-06", () -> { });
            shell.show();
            return null;
        });
        this.review = review;
        this.texts = texts;
    }

    /** The views, tracked once the person signed in (as the workbench opens its trackers after the dialog). */
    private void addViews() throws Exception {
        onEdt(() -> {
            add(1, new ProblemsView(review, register, texts), "statdesk.workbench.problems", "问题", "bottom", null);
            add(2, new FeaturesView(new WorkbenchGuiTest.FakeFeatures(), texts), "statdesk.workbench.features",
                    "功能管理", "editor", null);
            add(3, new UsersView(people, people, register, texts, "620600"), "statdesk.workbench.users", "用户管理",
                    "editor", "user.list");
            return null;
        });
    }

    @AfterEach
    void close() throws Exception {
        Gui.dispose(shell);
    }

    private void add(long key, View v, String id, String title, String area, String permission) {
        Gui.add(shell, key, v, id, title, "core", area, permission);
    }

    /** Signs in as the workbench does after its dialog, and gives the shell that person's permissions. */
    private Person signIn(String login, String password) throws Exception {
        Person p = people.signInForSession(login, password.toCharArray());
        onEdt(() -> {
            shell.setPerson(p);
            shell.setAccess(permission -> people.allows(p.role(), permission));
            return null;
        });
        addViews();
        return p;
    }

    private JButton button(String viewId, String name) throws Exception {
        return onEdt(() -> find(shell.host(viewId).component, JButton.class, name));
    }

    @Test
    void aCountyUserSeesTheirNameAndRoleAndOnlyWhatTheirRoleMayDo() throws Exception {
        signIn("liangzhou", "凉州区统计局的长密码");
        String status = onEdt(() -> shell.statusText());
        assertTrue(status.contains("当前用户: 凉州区李伟（县区统计局 620602）"), status);
        List<String> titles = onEdt(() -> shell.openTitles());
        assertFalse(titles.contains("用户管理"), "no users view for a county bureau: " + titles);
        assertTrue(titles.containsAll(List.of("问题", "功能管理")), titles.toString());
        onEdt(() -> {
            shell.showView("statdesk.workbench.users");
            return null;
        });
        assertFalse(onEdt(() -> shell.openTitles()).contains("用户管理"), "not even from the view menu");
        // review.run, review.flag.explain and .correct are a county's; confirm and close are the section's
        assertTrue(button("statdesk.workbench.problems", "problems.run").isEnabled());
        assertTrue(button("statdesk.workbench.problems", "problems.explained").isEnabled());
        assertTrue(button("statdesk.workbench.problems", "problems.corrected").isEnabled());
        assertFalse(button("statdesk.workbench.problems", "problems.confirmed").isEnabled());
        assertFalse(button("statdesk.workbench.problems", "problems.closed").isEnabled());
        assertFalse(button("statdesk.workbench.features", "features.enable").isEnabled(), "features are admin's");
        assertFalse(button("statdesk.workbench.features", "features.disable").isEnabled());
        screenshot("workbench-county-user.png");
    }

    @Test
    void aSectionUserMayConfirmButNotRunTheCountysReview() throws Exception {
        signIn("gongye", "工业科的密码很长很长");
        assertTrue(onEdt(() -> shell.statusText()).contains("工业科张敏（专业科室 工业）"), onEdt(() -> shell.statusText()));
        assertTrue(button("statdesk.workbench.problems", "problems.confirmed").isEnabled());
        assertTrue(button("statdesk.workbench.problems", "problems.closed").isEnabled());
        assertFalse(onEdt(() -> shell.openTitles()).contains("用户管理"));
    }

    private JTable usersTable() throws Exception {
        return onEdt(() -> find(shell.host("statdesk.workbench.users").component, JTable.class, "users.table"));
    }

    private List<List<Object>> userRows() throws Exception {
        return onEdt(() -> {
            JTable t = usersTable();
            List<List<Object>> out = new java.util.ArrayList<>();
            for (int r = 0; r < t.getRowCount(); r++) {
                List<Object> row = new java.util.ArrayList<>();
                for (int c = 0; c < t.getColumnCount(); c++) {
                    row.add(t.getValueAt(r, c));
                }
                out.add(row);
            }
            return out;
        });
    }

    private int rowOf(String login) throws Exception {
        List<List<Object>> rows = userRows();
        for (int i = 0; i < rows.size(); i++) {
            if (login.equals(rows.get(i).get(0))) {
                return i;
            }
        }
        return -1;
    }

    private void selectUser(String login) throws Exception {
        int r = rowOf(login);
        onEdt(() -> {
            usersTable().setRowSelectionInterval(r, r);
            return null;
        });
    }

    /** Clicks a view's button later on the Swing thread (it may open a modal dialog) and waits for the dialog. */
    private JDialog clickForDialog(String name) throws Exception {
        JButton b = button("statdesk.workbench.users", name);
        SwingUtilities.invokeLater(b::doClick);
        return dialog();
    }

    @Test
    void theAdministratorManagesUsersInTheUsersView() throws Exception {
        signIn("admin", ADMIN_PW);
        assertTrue(onEdt(() -> shell.openTitles()).contains("用户管理"));
        assertTrue(onEdt(() -> shell.statusText()).contains("系统管理员王芳（系统管理员）"));
        onEdt(() -> {
            shell.showView("statdesk.workbench.users");
            return null;
        });
        waitFor("three users", () -> usersTable().getRowCount() == 3, 5_000);
        List<Object> county = userRows().get(rowOf("liangzhou"));
        assertEquals(List.of("liangzhou", "凉州区李伟", "县区统计局", "凉州区 620602", "", "启用"), county.subList(0, 6));
        assertEquals("工业", userRows().get(rowOf("gongye")).get(4), "the specialty by its title");
        assertTrue(userRows().get(rowOf("admin")).get(6).toString().matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}"),
                "local time, not an ISO instant: " + userRows().get(rowOf("admin")).get(6));

        // 添加用户: a county user of 民勤县, through the dialog; the service checks it as user:add does
        JDialog d = clickForDialog("users.add");
        assertTrue(SignInDialogGuiTest.texts(d).containsAll(List.of("确定", "取消")));
        SwingUtilities.invokeAndWait(() -> {
            find(d, JTextField.class, "users.field.login").setText("minqin");
            find(d, JTextField.class, "users.field.display").setText("民勤县赵强");
            @SuppressWarnings("unchecked")
            JComboBox<Shell.Choice> role = find(d, JComboBox.class, "users.field.role");
            role.setSelectedIndex(3);
            @SuppressWarnings("unchecked")
            JComboBox<Shell.Choice> c = find(d, JComboBox.class, "users.field.county");
            for (int i = 0; i < c.getItemCount(); i++) {
                if ("620621".equals(c.getItemAt(i).key())) {
                    c.setSelectedIndex(i);
                }
            }
            find(d, JPasswordField.class, "users.field.password").setText("民勤县统计局的长密码");
            find(d, JPasswordField.class, "users.field.again").setText("民勤县统计局的长密码");
        });
        press(d, "确定");
        try {
            waitFor("the new user listed", () -> rowOf("minqin") >= 0, 10_000);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; shown: " + (showing() == null ? null
                    : SignInDialogGuiTest.texts(showing())), e);
        }
        User added = people.users().stream().filter(u -> u.login().equals("minqin")).findFirst().orElseThrow();
        assertEquals("county", added.role());
        assertEquals("620621", added.county());
        assertEquals("民勤县赵强", added.display());
        assertNotNull(people.signIn("minqin", "民勤县统计局的长密码".toCharArray()));

        // a password that is too short: refused by the service, said in a dialog, nothing added
        JDialog weak = clickForDialog("users.add");
        SwingUtilities.invokeAndWait(() -> {
            find(weak, JTextField.class, "users.field.login").setText("gulang");
            find(weak, JPasswordField.class, "users.field.password").setText("short");
            find(weak, JPasswordField.class, "users.field.again").setText("short");
        });
        press(weak, "确定");
        waitFor("the refusal", () -> showing() != null && showing() != weak, 10_000);
        JDialog refusal = onEdt(SignInDialogGuiTest::showing);
        assertTrue(String.join(" ", SignInDialogGuiTest.texts(refusal)).contains("未完成"),
                SignInDialogGuiTest.texts(refusal).toString());
        press(refusal, "确定");
        assertEquals(4, people.users().size(), "nothing added");

        // 停用: asked first (取消 changes nothing), then done
        selectUser("gongye");
        press(clickForDialog("users.disable"), "取消");
        assertTrue(people.users().stream().filter(u -> u.login().equals("gongye")).findFirst().orElseThrow().enabled());
        selectUser("gongye");
        JDialog ask = clickForDialog("users.disable");
        assertTrue(String.join("", SignInDialogGuiTest.texts(ask)).contains("停用用户 gongye（工业科张敏）"));
        press(ask, "确定");
        waitFor("shown disabled", () -> rowOf("gongye") >= 0 && "已停用".equals(userRows().get(rowOf("gongye")).get(5)),
                10_000);
        assertThrows(NotPermittedException.class, () -> people.signIn("gongye", "工业科的密码很长很长".toCharArray()));

        // 解锁: five wrong passwords lock the county user; the administrator unlocks
        for (int i = 0; i < 5; i++) {
            assertThrows(NotPermittedException.class, () -> people.signIn("liangzhou", "wrong-password".toCharArray()));
        }
        onEdt(() -> {
            button("statdesk.workbench.users", "users.refresh").doClick();
            return null;
        });
        waitFor("shown locked", () -> "已锁定".equals(userRows().get(rowOf("liangzhou")).get(5)), 10_000);
        selectUser("liangzhou");
        onEdt(() -> {
            button("statdesk.workbench.users", "users.unlock").doClick();
            return null;
        });
        waitFor("shown enabled", () -> "启用".equals(userRows().get(rowOf("liangzhou")).get(5)), 10_000);

        // 重置密码: the forgotten password replaced; the old one no longer signs in
        selectUser("liangzhou");
        JDialog pw = clickForDialog("users.passwd");
        SwingUtilities.invokeAndWait(() -> {
            find(pw, JPasswordField.class, "users.field.password").setText("新的凉州区长密码-11");
            find(pw, JPasswordField.class, "users.field.again").setText("新的凉州区长密码-11");
        });
        press(pw, "确定");
        waitFor("the password changed", () -> {
            try {
                people.signIn("liangzhou", "新的凉州区长密码-11".toCharArray());
                return true;
            } catch (NotPermittedException e) {
                return false;
            }
        }, 10_000);
        assertThrows(NotPermittedException.class, () -> people.signIn("liangzhou", "凉州区统计局的长密码".toCharArray()));
        screenshot("workbench-users.png");
    }

    @Test
    void theUsersViewRefusesAPersonWithoutThePermissionEvenWhenItIsShown() throws Exception {
        signIn("liangzhou", "凉州区统计局的长密码");
        // the view itself asks the service first, as the command line does: no user is added by a county bureau
        UsersView.Panel p = onEdt(() -> {
            JComponent c = (JComponent) new UsersView(people, people, register, Texts.of("zh"), "620600")
                    .create(new ContextImpl(shell));
            return (UsersView.Panel) c.getClientProperty(UsersView.Panel.class);
        });
        assertFalse(onEdt(() -> find(p.root, AbstractButton.class, "users.add").isEnabled()));
        onEdt(() -> {
            p.work("user.add", () -> {
                people.add("x1", "leader", null, null, null, "a-long-password-1".toCharArray());
                return "added";
            });
            return null;
        });
        waitFor("the refusal in the view", () -> p.message.getText().contains("not permitted"), 10_000);
        JDialog said = dialog();
        assertTrue(String.join(" ", SignInDialogGuiTest.texts(said)).contains("未完成：not permitted"));
        press(said, "确定");
        assertEquals(3, people.users().size());
    }

    private void screenshot(String name) throws Exception {
        Gui.screenshot(shell, name);
    }
}
