///usr/bin/env jbang "$0" "$@" ; exit $?
//DESCRIPTION Runs every JUnit 5 test of the toolkit; ends with "N passed, N failed, N skipped"
//JAVA 17+
//DEPS org.junit.jupiter:junit-jupiter-engine:5.11.4
//DEPS org.junit.platform:junit-platform-launcher:1.11.4
//SOURCES ../lib/*.java
//SOURCES *Test.java
//SOURCES support/*.java
//FILES catalog.json=../catalog.json

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Set;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The test command: runs every test class compiled into this script's jar (the glob lines above;
 * globs are fine here because this runs from a checkout, never from a URL).
 * {@code ./jbang test/RunTests.java [ClassName | ClassName#method]...} runs only those.
 * Prints each failure, then the line {@code N passed, N failed, N skipped}; exits 1 on any failure.
 */
class RunTests {
    public static void main(String... args) throws Exception {
        DiscoverySelector[] selectors;
        if (args.length == 0) {
            Path classes = Path.of(RunTests.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            selectors = new DiscoverySelector[] {selectClasspathRoots(Set.of(classes)).get(0)};
        } else {
            selectors = new DiscoverySelector[args.length];
            for (int i = 0; i < args.length; i++) selectors[i] = args[i].contains("#") ? selectMethod(args[i]) : selectClass(args[i]);
        }
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectors).build();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        TestExecutionListener progress = new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (id.isTest() && result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                    System.out.println(result.getStatus() + " " + id.getLegacyReportingName() + " in " + id.getUniqueId().replaceAll(".*\\[class:([^\\]]+)\\].*", "$1"));
                }
            }
        };
        LauncherFactory.create().execute(request, summary, progress);
        TestExecutionSummary s = summary.getSummary();
        PrintWriter out = new PrintWriter(System.out, true);
        if (s.getTotalFailureCount() > 0) s.printFailuresTo(out, 12);
        out.printf("%d tests in %d ms%n", s.getTestsFoundCount(), s.getTimeFinished() - s.getTimeStarted());
        out.printf("%d passed, %d failed, %d skipped%n", s.getTestsSucceededCount(), s.getTotalFailureCount(), s.getTestsSkippedCount() + s.getTestsAbortedCount());
        System.exit(s.getTotalFailureCount() == 0 && s.getTestsFoundCount() > 0 ? 0 : 1);
    }
}
