package org.statdesk.workbench.internal;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.util.ArrayList;
import java.util.List;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JSeparator;
import javax.swing.SwingConstants;
import org.statdesk.api.feature.FeatureManager.FeatureInfo;
import org.statdesk.api.people.Person;

/**
 * The status line (状态栏): who is signed in, the data folder, the period, the enabled specialties on the left; the
 * work in progress with its progress bar and 取消 on the right.
 */
final class StatusBar implements Background.Progress {
    private final Texts texts;
    private final JLabel personLabel = new JLabel();
    private final JLabel dataLabel = new JLabel();
    private final JLabel periodLabel = new JLabel();
    private final JLabel featuresLabel = new JLabel();
    private final JLabel workLabel = new JLabel();
    private final JProgressBar progressBar = new JProgressBar();
    private final JButton cancelButton;
    private final List<Runnable> cancels = new ArrayList<>();
    private final JPanel panel = new JPanel(new BorderLayout());
    private Person person;
    /** An outcome is news for a while, then the line is clear again (an old message misleads). */
    private final javax.swing.Timer clearOutcome;
    static final int OUTCOME_MILLIS = 8000;

    StatusBar(Texts texts) {
        this.texts = texts;
        cancelButton = new JButton(texts.get("status.cancel"));
        cancelButton.addActionListener(e -> new ArrayList<>(cancels).forEach(Runnable::run));
        panel.setBorder(BorderFactory.createCompoundBorder(BorderFactory.createMatteBorder(1, 0, 0, 0,
                new Color(0xD0, 0xD4, 0xDA)), BorderFactory.createEmptyBorder(3, 10, 3, 10)));
        JPanel left = new JPanel(new FlowLayout(FlowLayout.LEFT, 0, 0));
        left.setOpaque(false);
        left.add(personLabel);
        left.add(dataLabel);
        left.add(separator());
        left.add(periodLabel);
        left.add(separator());
        left.add(featuresLabel);
        JPanel right = new JPanel(new FlowLayout(FlowLayout.RIGHT, 8, 0));
        right.setOpaque(false);
        progressBar.setIndeterminate(true);
        progressBar.setPreferredSize(new Dimension(140, 14));
        progressBar.setVisible(false);
        cancelButton.setVisible(false);
        right.add(workLabel);
        right.add(progressBar);
        right.add(cancelButton);
        panel.add(left, BorderLayout.WEST);
        panel.add(right, BorderLayout.EAST);
        clearOutcome = new javax.swing.Timer(OUTCOME_MILLIS, e -> {
            if (cancels.isEmpty()) {
                workLabel.setText("");
            }
        });
        clearOutcome.setRepeats(false);
    }

    JComponent component() {
        return panel;
    }

    private static JComponent separator() {
        JSeparator s = new JSeparator(SwingConstants.VERTICAL);
        s.setPreferredSize(new Dimension(17, 14));
        JPanel wrap = new JPanel(new FlowLayout(FlowLayout.CENTER, 8, 0));
        wrap.setOpaque(false);
        wrap.add(s);
        return wrap;
    }

    void update(String dataFolder, String period, List<FeatureInfo> features) {
        dataLabel.setText(texts.get("status.data", dataFolder));
        periodLabel.setText(texts.get("status.period", period));
        List<String> names = new ArrayList<>();
        for (FeatureInfo f : features) {
            if (f.enabled()) {
                names.add(texts.specialty(f.name()));
            }
        }
        featuresLabel.setText(texts.get("status.features", names.isEmpty() ? texts.get("status.none")
                : String.join("、", names)));
        if (person != null) {
            setPerson(person); // the specialty's title is known once the features are
        }
    }

    /** Names the signed-in person and their role (with county or specialty) first in the line. */
    void setPerson(Person p) {
        person = p;
        String scope = p.county() != null ? " " + p.county()
                : p.specialty() != null ? " " + texts.specialty(p.specialty()) : "";
        personLabel.setText(texts.get("status.person", p.display(), texts.get("role." + p.role()) + scope)
                + "  |  ");
    }

    /** The work label's text alone (tests). */
    String work() {
        return workLabel.getText();
    }

    /** Clears an outcome now instead of after {@link #OUTCOME_MILLIS} (tests). */
    void clearOutcomeNow() {
        clearOutcome.stop();
        for (java.awt.event.ActionListener l : clearOutcome.getActionListeners()) {
            l.actionPerformed(null);
        }
    }

    String text() {
        return personLabel.getText() + dataLabel.getText() + " | " + periodLabel.getText() + " | "
                + featuresLabel.getText() + " | " + workLabel.getText();
    }

    @Override
    public void started(String title, Runnable cancel) {
        cancels.add(cancel);
        clearOutcome.stop();
        workLabel.setText(title + " …");
        progressBar.setVisible(true);
        cancelButton.setVisible(true);
    }

    @Override
    public void finished(String title, String outcome) {
        if (!cancels.isEmpty()) {
            cancels.remove(0);
        }
        workLabel.setText(outcome);
        boolean busy = !cancels.isEmpty();
        if (!busy) {
            clearOutcome.restart();
        }
        progressBar.setVisible(busy);
        cancelButton.setVisible(busy);
    }
}
