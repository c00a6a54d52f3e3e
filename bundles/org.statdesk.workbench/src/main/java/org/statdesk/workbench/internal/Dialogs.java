package org.statdesk.workbench.internal;

import java.awt.Component;
import javax.swing.JOptionPane;
import javax.swing.UIManager;

/** Dialogs in the workbench's language: 确定/取消 and a Chinese file chooser, and a question asked before a change. */
final class Dialogs {
    private static final String[] OPTION_PANE = {"okButtonText", "cancelButtonText", "yesButtonText", "noButtonText",
        "title", "messageDialogTitle", "inputDialogTitle"};
    private static final String[] FILE_CHOOSER = {"openButtonText", "saveButtonText", "cancelButtonText",
        "openDialogTitleText", "saveDialogTitleText", "lookInLabelText", "saveInLabelText", "fileNameLabelText",
        "filesOfTypeLabelText", "upFolderToolTipText", "homeFolderToolTipText", "newFolderToolTipText",
        "listViewButtonToolTipText", "detailsViewButtonToolTipText", "acceptAllFileFilterText", "openButtonToolTipText",
        "saveButtonToolTipText", "cancelButtonToolTipText", "fileNameHeaderText", "fileSizeHeaderText",
        "fileDateHeaderText", "newFolderErrorText", "directoryOpenButtonText"};

    private Dialogs() {
    }

    /** Puts the Swing dialogs' own words (OptionPane, FileChooser) in the workbench's language. */
    static void localize(Texts texts) {
        for (String k : OPTION_PANE) {
            UIManager.put("OptionPane." + k, texts.get("dialog.option." + k));
        }
        for (String k : FILE_CHOOSER) {
            UIManager.put("FileChooser." + k, texts.get("dialog.file." + k));
        }
        javax.swing.JComponent.setDefaultLocale(texts.locale());
    }

    /** Asks before a change: true when the person chose 确定. */
    static boolean confirm(Component parent, Texts texts, String question) {
        Object[] options = {texts.get("dialog.option.okButtonText"), texts.get("dialog.option.cancelButtonText")};
        int r = JOptionPane.showOptionDialog(parent, question, texts.get("dialog.confirm"), JOptionPane.OK_CANCEL_OPTION,
                JOptionPane.QUESTION_MESSAGE, null, options, options[1]);
        return r == 0;
    }
}
