package org.statdesk.documents.internal;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.FlowLayout;
import java.awt.image.BufferedImage;
import java.awt.print.PrinterJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import javax.print.PrintServiceLookup;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.ImageIcon;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import javax.swing.filechooser.FileNameExtensionFilter;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.printing.PDFPageable;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.statdesk.api.command.Args;
import org.statdesk.api.command.BadInputException;
import org.statdesk.api.command.Command;
import org.statdesk.api.command.CommandResult;
import org.statdesk.api.command.NotPermittedException;
import org.statdesk.api.people.Person;
import org.statdesk.api.registry.Register;
import org.statdesk.api.workbench.View;
import org.statdesk.api.workbench.ViewContext;

/**
 * 打印/导出 in the workbench: the four documents made by the same commands as {@code statdesk run report:* --out},
 * with the same scope and permission, previewed page by page, then exported (the previewed file itself, or the
 * missing list as .xlsx) or sent to a printer.
 */
@Component(service = View.class, property = {View.ID + "=documents", View.TITLE + "=打印/导出文档",
        View.TITLE_EN + "=Documents", View.SPECIALTY + "=core", View.AREA + "=editor"})
public final class DocumentsView implements View {
    /** The documents, by the command that makes each. */
    enum Kind {
        SUMMARY("report:summary", "总结报告（年度）"), BULLETIN("report:bulletin", "通报（季度）"),
        MISSING("report:missing", "未报、迟报单位名单"), FIELD_CHECK("report:field-check", "实地核查表");

        final String command;
        final String title;

        Kind(String command, String title) {
            this.command = command;
            this.title = title;
        }

        @Override
        public String toString() {
            return title;
        }
    }

    /** A county (or 全部) as the combo box shows it. */
    record County(String code, String name) {
        @Override
        public String toString() {
            return code == null ? "全部县区" : name + " " + code;
        }
    }

    private record Entry(Command command, Set<String> flags, String permission) {
    }

    /** Where a file goes: the suggested name and the extension in, the chosen path out (null: cancelled). */
    interface Chooser extends BiFunction<String, String, Path> {
    }

    private static final int PREVIEW_DPI = 60;
    private static final int PREVIEW_PAGES = 30;
    private final Map<String, Entry> commands = new ConcurrentHashMap<>();
    private final Register register;
    private final Scope scope;
    private final String city;
    private final Chooser chooser;
    private final Printer printer;

    @Activate
    public DocumentsView(@Reference Register register, @Reference Scope scope, BundleContext ctx) {
        this(register, scope, ctx.getProperty("statdesk.city"), DocumentsView::chooseFile, DocumentsView::print);
    }

    DocumentsView(Register register, Scope scope, String city, Chooser chooser, Printer printer) {
        this.register = register;
        this.scope = scope;
        this.city = city == null || city.isBlank() ? "620600" : city.strip();
        this.chooser = chooser;
        this.printer = printer;
    }

    @Reference(name = "documents", service = Command.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, target = "(statdesk.command.name=report:*)")
    void add(Command c, Map<String, Object> props) {
        Object name = props.get(Command.NAME);
        if (name != null) {
            Object perm = props.get(Command.PERMISSION);
            commands.put(name.toString(), new Entry(c, CommandFacts.flags(props.get(Command.FLAGS)),
                    perm == null ? null : perm.toString()));
        }
    }

    void remove(Command c, Map<String, Object> props) {
        Object name = props.get(Command.NAME);
        if (name != null) {
            commands.computeIfPresent(name.toString(), (k, v) -> v.command() == c ? null : v);
        }
    }

    /** Sends a finished PDF to a printer; says why not when it cannot. */
    @FunctionalInterface
    interface Printer {
        String print(Path pdf, String title) throws Exception;
    }

    @Override
    public JComponent create(ViewContext context) {
        return new Form(context).panel;
    }

    /** The command line a choice makes: what {@code statdesk run} would be given, the output file last. */
    static List<String> tokens(Kind kind, String year, String quarter, String period, String county, String unit,
            Path out) {
        List<String> t = new ArrayList<>();
        switch (kind) {
            case SUMMARY -> t.addAll(List.of("--year", year));
            case BULLETIN -> t.addAll(List.of("--quarter", quarter));
            case MISSING -> {
                t.addAll(List.of("--period", period));
                if (county != null) {
                    t.addAll(List.of("--county", county));
                }
            }
            case FIELD_CHECK -> {
                if (unit != null && !unit.isBlank()) {
                    t.add(unit.strip());
                } else if (county != null) {
                    t.addAll(List.of("--county", county));
                }
            }
        }
        t.addAll(List.of("--out", out.toString(), "--json"));
        return t;
    }

    /** Runs a document's command as the signed-in person; the message of a refusal or a failure otherwise. */
    CommandResult run(ViewContext context, Kind kind, List<String> tokens) throws Exception {
        Entry e = commands.get(kind.command);
        if (e == null) {
            throw new IllegalStateException(kind.title + "：文档模块未启用（" + kind.command + "）");
        }
        if (e.permission() != null && context != null && !context.allows(e.permission())) {
            throw new NotPermittedException("当前用户的角色没有权限生成" + kind.title, e.permission());
        }
        return e.command().execute(Args.parse(tokens, e.flags()));
    }

    /** The view's fields and what they do; one per open view. */
    private final class Form {
        final JPanel panel = new JPanel(new BorderLayout());
        final JComboBox<Kind> kind = new JComboBox<>(Kind.values());
        final JComboBox<String> year = new JComboBox<>();
        final JComboBox<String> quarter = new JComboBox<>();
        final JComboBox<String> period = new JComboBox<>();
        final JComboBox<County> county = new JComboBox<>();
        final JTextField unit = new JTextField(18);
        final JButton make = new JButton("生成预览");
        final JButton exportPdf = new JButton("导出 PDF…");
        final JButton exportXlsx = new JButton("导出 Excel…");
        final JButton print = new JButton("打印…");
        final JLabel status = new JLabel(" ");
        final JPanel pages = new JPanel();
        final JPanel fields = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 2));
        final ViewContext context;
        Path made;
        Kind madeKind;

        Form(ViewContext context) {
            this.context = context;
            YearMonth now = context == null ? YearMonth.now() : YearMonth.parse(context.period());
            for (int i = 0; i < 24; i++) {
                period.addItem(now.minusMonths(i).toString());
            }
            for (int y = now.getYear(); y > now.getYear() - 5; y--) {
                year.addItem(String.valueOf(y));
            }
            for (int i = 0; i < 8; i++) {
                YearMonth q = now.minusMonths(3L * i);
                quarter.addItem(q.getYear() + "Q" + ((q.getMonthValue() - 1) / 3 + 1));
            }
            Person who = scope.current().orElse(null);
            if (who != null && Person.COUNTY.equals(who.role())) {
                county.addItem(new County(who.county(), Counties.name(register, who.county())));
            } else {
                county.addItem(new County(null, null));
                register.divisions().counties(city).forEach(d -> county.addItem(new County(d.code(), d.name())));
            }
            kind.addActionListener(e -> layoutFields());
            // a preview is of the choices it was made from: any other choice takes it away
            for (JComboBox<?> b : List.of(kind, year, quarter, period, county)) {
                b.addActionListener(e -> stale());
            }
            unit.getDocument().addDocumentListener(new javax.swing.event.DocumentListener() {
                @Override
                public void insertUpdate(javax.swing.event.DocumentEvent e) {
                    stale();
                }

                @Override
                public void removeUpdate(javax.swing.event.DocumentEvent e) {
                    stale();
                }

                @Override
                public void changedUpdate(javax.swing.event.DocumentEvent e) {
                    stale();
                }
            });
            if (context != null) {
                context.onPeriodChange(p -> period.setSelectedItem(p));
            }
            make.addActionListener(e -> make());
            exportPdf.addActionListener(e -> exportPdf());
            exportXlsx.addActionListener(e -> exportXlsx());
            print.addActionListener(e -> print());
            exportPdf.setEnabled(false);
            print.setEnabled(false);
            JPanel buttons = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 2));
            for (JButton b : List.of(make, exportPdf, exportXlsx, print)) {
                buttons.add(b);
            }
            JPanel top = new JPanel();
            top.setLayout(new BoxLayout(top, BoxLayout.Y_AXIS));
            top.add(fields);
            top.add(buttons);
            JPanel line = new JPanel(new FlowLayout(FlowLayout.LEFT, 8, 2));
            line.add(status);
            top.add(line);
            pages.setLayout(new BoxLayout(pages, BoxLayout.Y_AXIS));
            pages.setBackground(Color.GRAY);
            JScrollPane scroll = new JScrollPane(pages);
            scroll.getVerticalScrollBar().setUnitIncrement(24);
            panel.add(top, BorderLayout.NORTH);
            panel.add(scroll, BorderLayout.CENTER);
            layoutFields();
        }

        private void layoutFields() {
            fields.removeAll();
            fields.add(new JLabel("文档："));
            fields.add(kind);
            Kind k = (Kind) kind.getSelectedItem();
            switch (k) {
                case SUMMARY -> labelled("年度：", year);
                case BULLETIN -> labelled("季度：", quarter);
                case MISSING -> {
                    labelled("报告期：", period);
                    labelled("县区：", county);
                }
                case FIELD_CHECK -> {
                    labelled("单位代码：", unit);
                    labelled("或县区：", county);
                    unit.setToolTipText("统一社会信用代码；留空则为所选县区的全部申请单位");
                }
            }
            exportXlsx.setVisible(k == Kind.MISSING);
            fields.revalidate();
            fields.repaint();
        }

        private void labelled(String label, JComponent c) {
            fields.add(new JLabel(label));
            fields.add(c);
        }

        private List<String> tokens(Path out) {
            County c = (County) county.getSelectedItem();
            return DocumentsView.tokens((Kind) kind.getSelectedItem(), (String) year.getSelectedItem(),
                    (String) quarter.getSelectedItem(), (String) period.getSelectedItem(), c == null ? null : c.code(),
                    unit.getText(), out);
        }

        private void make() {
            Kind k = (Kind) kind.getSelectedItem();
            make.setEnabled(false);
            status.setForeground(Color.DARK_GRAY);
            status.setText("正在生成" + k.title + "…");
            Runnable work = () -> {
                try {
                    Path out = Files.createTempFile("statdesk-document", ".pdf");
                    CommandResult r = run(context, k, tokens(out));
                    List<BufferedImage> images = new ArrayList<>();
                    int count;
                    try (PDDocument doc = Loader.loadPDF(out.toFile())) {
                        count = doc.getNumberOfPages();
                        PDFRenderer renderer = new PDFRenderer(doc);
                        for (int i = 0; i < Math.min(count, PREVIEW_PAGES); i++) {
                            images.add(renderer.renderImageWithDPI(i, PREVIEW_DPI));
                        }
                    }
                    Object head = r.json() instanceof Map<?, ?> m ? m.get("journal_head") : null;
                    SwingUtilities.invokeLater(() -> shown(k, out, images, count, head));
                } catch (Exception ex) {
                    SwingUtilities.invokeLater(() -> failed(ex));
                }
            };
            background("生成" + k.title, work);
        }

        /** Off the Swing thread: the workbench's progress bar, or a plain thread where there is no workbench (tests). */
        private void background(String title, Runnable work) {
            if (context == null) {
                new Thread(work, "statdesk-document").start();
            } else {
                context.runInBackground(title, cancelled -> work.run());
            }
        }

        private void stale() {
            if (made == null) {
                return;
            }
            discard();
            made = null;
            pages.removeAll();
            pages.revalidate();
            pages.repaint();
            exportPdf.setEnabled(false);
            print.setEnabled(false);
            status.setText(" ");
        }

        private void shown(Kind k, Path out, List<BufferedImage> images, int count, Object head) {
            discard();
            made = out;
            madeKind = k;
            pages.removeAll();
            for (BufferedImage image : images) {
                JLabel page = new JLabel(new ImageIcon(image));
                page.setBorder(BorderFactory.createEmptyBorder(8, 8, 0, 8));
                page.setAlignmentX(0.5f);
                pages.add(page);
            }
            pages.add(Box.createVerticalStrut(8));
            pages.revalidate();
            pages.repaint();
            status.setForeground(Color.DARK_GRAY);
            status.setText(k.title + "：共 " + count + " 页" + (count > PREVIEW_PAGES ? "（预览前 " + PREVIEW_PAGES + " 页）" : "")
                    + (head == null ? "" : "，审计日志头 " + head));
            make.setEnabled(true);
            exportPdf.setEnabled(true);
            print.setEnabled(true);
        }

        private void failed(Exception ex) {
            make.setEnabled(true);
            status.setForeground(new Color(0xB0, 0x20, 0x20));
            status.setText("未能生成：" + message(ex));
        }

        private void exportPdf() {
            if (made == null) {
                return;
            }
            Path to = chooser.apply(madeKind.title + ".pdf", "pdf");
            if (to == null) {
                return;
            }
            try {
                Files.copy(made, to, StandardCopyOption.REPLACE_EXISTING);
                status.setText("已导出：" + to);
            } catch (Exception ex) {
                failed(ex);
            }
        }

        private void exportXlsx() {
            Path to = chooser.apply(Kind.MISSING.title + ".xlsx", "xlsx");
            if (to == null) {
                return;
            }
            kind.setSelectedItem(Kind.MISSING);
            List<String> t = tokens(to);
            Runnable work = () -> {
                try {
                    run(context, Kind.MISSING, t);
                    SwingUtilities.invokeLater(() -> status.setText("已导出：" + to));
                } catch (Exception ex) {
                    SwingUtilities.invokeLater(() -> failed(ex));
                }
            };
            background("导出" + Kind.MISSING.title, work);
        }

        private void print() {
            if (made == null) {
                return;
            }
            try {
                String said = printer.print(made, madeKind.title);
                status.setText(said);
            } catch (Exception ex) {
                failed(ex);
            }
        }

        private void discard() {
            if (made != null) {
                try {
                    Files.deleteIfExists(made);
                } catch (java.io.IOException ignored) {
                    // a preview left in the temporary folder is harmless
                }
            }
        }
    }

    static String message(Throwable ex) {
        Throwable t = ex;
        while (t.getCause() != null && !(t instanceof BadInputException) && !(t instanceof NotPermittedException)) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    /** A save dialog (in Chinese: the workbench localises Swing's file chooser) that asks before overwriting. */
    private static Path chooseFile(String name, String extension) {
        JFileChooser fc = new JFileChooser();
        fc.setDialogTitle("导出文档");
        fc.setFileFilter(new FileNameExtensionFilter(extension.toUpperCase() + " 文件", extension));
        fc.setSelectedFile(new java.io.File(name));
        if (fc.showSaveDialog(null) != JFileChooser.APPROVE_OPTION) {
            return null;
        }
        Path p = fc.getSelectedFile().toPath();
        if (!p.getFileName().toString().toLowerCase().endsWith("." + extension)) {
            p = p.resolveSibling(p.getFileName() + "." + extension);
        }
        if (Files.exists(p) && javax.swing.JOptionPane.showConfirmDialog(null, p + " 已存在，要替换吗？", "导出文档",
                javax.swing.JOptionPane.OK_CANCEL_OPTION) != javax.swing.JOptionPane.OK_OPTION) {
            return null;
        }
        return p;
    }

    /** The system's print dialog over the PDF's pages, at their A4 size; a clear word when no printer is set up. */
    static String print(Path pdf, String title) throws Exception {
        if (PrintServiceLookup.lookupPrintServices(null, null).length == 0) {
            return "本机没有可用的打印机：请导出 PDF 后打印";
        }
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PrinterJob job = PrinterJob.getPrinterJob();
            job.setJobName(title);
            job.setPageable(new PDFPageable(doc));
            if (!job.printDialog()) {
                return "已取消打印";
            }
            job.print();
            return "已送打印：" + title + "，" + doc.getNumberOfPages() + " 页";
        }
    }
}
