package org.statdesk.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.statdesk.workbench.internal.WorkbenchGuiTest.onEdt;

import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.Robot;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.statdesk.api.registry.Register;
import org.statdesk.api.review.Comparison;
import org.statdesk.api.review.Comparisons;
import org.statdesk.api.review.ReviewService;
import org.statdesk.api.workbench.View;
import org.statdesk.charts.internal.ChartServiceImpl;

/** What the workbench's GUI tests share: the display they need, views placed in a shell, screenshots. */
final class Gui {
    private Gui() {
    }

    /** Fails (never skips) without a display: the GUI tests open real windows. */
    static void requireDisplay() {
        assertTrue(!GraphicsEnvironment.isHeadless() && System.getenv("DISPLAY") != null
                && !System.getenv("DISPLAY").isBlank(),
                "no display: the GUI tests open real windows; run .ci/run (it starts Xvfb), or Xvfb :99 & and DISPLAY=:99");
    }

    /** Places a view as the tracker would, with its service properties. */
    static void add(Shell shell, Object key, View v, String id, String title, String specialty, String area,
            String permission) {
        Map<String, Object> p = new HashMap<>();
        p.put(View.ID, id);
        p.put(View.TITLE, title);
        p.put(View.SPECIALTY, specialty);
        p.put(View.AREA, area);
        if (permission != null) {
            p.put(View.PERMISSION, permission);
        }
        shell.addView(key, v, p);
    }

    static void dispose(Shell shell) throws Exception {
        if (shell != null) {
            onEdt(() -> {
                shell.dispose();
                return null;
            });
        }
    }

    /** The window as shown, to target/NAME (looked at when a view changes). */
    static void screenshot(Shell shell, String name) throws Exception {
        Thread.sleep(400);
        Rectangle r = onEdt(() -> shell.frame().getBounds());
        ImageIO.write(new Robot().createScreenCapture(r), "png", Path.of("target", name).toFile());
    }

    /** The chart service over a review whose comparisons are not faked (the variance view draws empty). */
    static ChartServiceImpl charts(ReviewService review, Register register) {
        return new ChartServiceImpl(review, new Comparisons() {
            public List<Comparison> comparisons(String period, String ind, String spec) {
                return List.of();
            }

            public Parameters parameters() {
                return new Parameters(0.5, 0.05, 7, 10, 2.0, null);
            }
        }, register, "zh");
    }
}
