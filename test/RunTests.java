///usr/bin/env jbang "$0" "$@" ; exit $?
//DESCRIPTION Runs the toolkit's JUnit 5 tests: the fast set, or --all; ends with "N passed, N failed, N skipped"
//JAVA 17+
//DEPS org.junit.jupiter:junit-jupiter-engine:5.11.4
//DEPS org.junit.platform:junit-platform-launcher:1.11.4
//SOURCES ../lib/models/sources.java
//SOURCES ../lib/chat/sources.java
//SOURCES ../lib/onboard/sources.java
//SOURCES ../lib/sqlite/sources.java
//SOURCES */*Test.java
//SOURCES support/*.java
//FILES catalog.json=../catalog.json
// The tests hold text beyond ASCII: read as UTF-8 whatever the locale (lib and scripts are ASCII).
//JAVAC_OPTIONS -encoding UTF-8

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The test command. The source globs above are fine here: this runs from a checkout, never from a URL.
 * <pre>
 *   ./jbang test/RunTests.java                  the fast set: every test not tagged "slow" (under 90 s)
 *   ./jbang test/RunTests.java --all            every test, slow ones too
 *   ./jbang test/RunTests.java --slow           only the slow ones
 *   ./jbang test/RunTests.java JsonTest ...     these classes (or Class#method), tags ignored
 * </pre>
 * A line per test class as it ends (tests, failures, seconds), each failure in full, then
 * {@code N passed, N failed, N skipped}; exit 1 on any failure, and 2 for a test name that does not exist.
 */
class RunTests {
    /** What is tagged so: processes started per test (bundles, JBang, the launcher), long fuzz runs. */
    static final String SLOW = "slow";

    public static void main(String... args) throws Exception {
        System.exit(run(System.out, args));
    }

    static int run(PrintStream out, String... args) throws Exception {
        List<DiscoverySelector> selectors = new ArrayList<>();
        boolean all = false, slow = false;
        for (String arg : args) {
            if (arg.equals("--all")) {
                all = true;
            } else if (arg.equals("--slow")) {
                slow = true;
            } else if (arg.startsWith("-")) {
                out.println("RunTests: unknown option " + arg + " (use --all, --slow, or name test classes)");
                return 2;
            } else {
                String className = arg.contains("#") ? arg.substring(0, arg.indexOf('#')) : arg;
                try {
                    Class.forName(className, false, RunTests.class.getClassLoader());
                } catch (ClassNotFoundException e) {
                    out.println("RunTests: no test class " + className);
                    return 2;
                }
                selectors.add(arg.contains("#") ? selectMethod(arg) : selectClass(arg));
            }
        }
        boolean named = !selectors.isEmpty();
        if (!named) {
            Path classes = Path.of(RunTests.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            selectors.add(selectClasspathRoots(Set.of(classes)).get(0));
        }
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request().selectors(selectors);
        if (!named && slow) request.filters(TagFilter.includeTags(SLOW));
        else if (!named && !all) request.filters(TagFilter.excludeTags(SLOW));
        LauncherDiscoveryRequest discovery = request.build();
        out.println(named ? "Running the named tests" : slow ? "Running the slow tests" : all
                ? "Running every test, slow ones too"
                : "Running the fast tests (--all adds the slow ones)");
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        LauncherFactory.create().execute(discovery, summary, new Progress(out));
        TestExecutionSummary s = summary.getSummary();
        if (s.getTotalFailureCount() > 0) s.printFailuresTo(new java.io.PrintWriter(out, true), 12);
        out.printf("%d tests in %.1f s%n", s.getTestsFoundCount(), (s.getTimeFinished() - s.getTimeStarted()) / 1000.0);
        out.printf("%d passed, %d failed, %d skipped%n", s.getTestsSucceededCount(), s.getTotalFailureCount(),
                s.getTestsSkippedCount() + s.getTestsAbortedCount());
        return s.getTotalFailureCount() == 0 && s.getTestsFoundCount() > 0 ? 0 : 1;
    }

    /** One line per test class when it ends, and one per test that did not pass. */
    private static final class Progress implements TestExecutionListener {
        private final PrintStream out;
        private long started;
        private int tests;
        private int failed;

        Progress(PrintStream out) { this.out = out; }

        @Override
        public void executionStarted(TestIdentifier id) {
            if (isClass(id)) {
                started = System.nanoTime();
                tests = 0;
                failed = 0;
            }
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            if (id.isTest()) {
                tests++;
                if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                    failed++;
                    out.println("  " + result.getStatus() + " " + id.getDisplayName());
                }
            } else if (isClass(id)) {
                if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) out.println("  " + result.getStatus()
                        + " " + id.getDisplayName() + " (set-up)");
                out.printf("%-28s %3d tests%s  %5.1f s%n", id.getDisplayName(), tests, failed == 0 ? "          "
                        : String.format(", %d failed", failed),
                        (System.nanoTime() - started) / 1e9);
            }
        }

        private static boolean isClass(TestIdentifier id) {
            return id.isContainer()
                    && id.getSource().map(source -> source instanceof org.junit.platform.engine.support.descriptor.ClassSource).orElse(false);
        }
    }
}
