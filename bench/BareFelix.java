import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * Startup baseline for bench/run: the Felix framework of the distribution (dist/lib) started and stopped with no
 * bundles at all, in a fresh cache, the way the launcher does it. What `statdesk run feature:list` costs on top of
 * this is the price of the target platform, the StatDesk bundles and the command itself.
 */
public final class BareFelix {
    public static void main(String[] args) throws Exception {
        Path cache = Files.createTempDirectory("bench-felix");
        Map<String, String> cfg = new HashMap<>();
        cfg.put(Constants.FRAMEWORK_STORAGE, cache.toString());
        cfg.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        cfg.put("felix.log.level", "1");
        Framework fw = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(cfg);
        fw.init();
        fw.start();
        if (fw.getState() != Framework.ACTIVE) {
            throw new IllegalStateException("framework not active: " + fw.getState());
        }
        System.out.println("bundles=" + fw.getBundleContext().getBundles().length);
        fw.stop();
        fw.waitForStop(0);
        try (Stream<Path> s = Files.walk(cache)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
