import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a real terminal (a tmux pane of a given width, its own server): what the screen shows, keys typed, Ctrl-C.
 * The commands see a terminal and ask it for its width themselves (stty), as a user's shell gives them. CI installs
 * tmux (.ci/run); without it these are skipped.
 */
@Tag("slow")
class TerminalTest {
    @TempDir Path tmp;
    TestEnv t;
    FakeRouter hub;
    String socket;

    @BeforeEach void setUp() throws Exception {
        Assumptions.assumeTrue(run("tmux", "-V").startsWith("tmux "), "tmux is not installed");
        socket = "none-yet";
        hub = new FakeRouter().maybe("/api/whoami-v2", 200, OnboardTest.WHOAMI_FINE_GRAINED)
                .maybe("/v1/models", 200, Repo.read("test/fixtures/router-models.json"));
        t = new TestEnv(tmp).with("HF_ROUTER_URL", hub.baseUrl()).with("HF_ENDPOINT", hub.hubUrl());
    }

    /** Every tmux server a test started (one a pane, each on a socket of its own). */
    final List<String> sockets = new ArrayList<>();

    @AfterEach void tearDown() throws Exception {
        for (String s : sockets) run("tmux", "-L", s, "kill-server");
        if (hub != null) {
            hub.release.countDown();
            hub.close();
        }
    }

    static String run(String... command) throws Exception {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            return said;
        } catch (java.io.IOException notThere) {
            return "";
        }
    }

    /**
     * Starts {@code args} (Main's: models, onboard, chat) in a pane {@code width} columns wide, with the test's
     * home.
     */
    void start(int width, String... args) throws Exception {
        Map<String, String> env = new TreeMap<>(Map.of("HOME", t.home.toString(), "PATH", "/usr/bin:/bin", "NO_COLOR",
                "1",
                "LANG", "C.UTF-8", "TERM", "xterm"));
        env.putAll(t.vars);
        // trap, not ignore: Ctrl-C still reaches java (a handler is reset by exec), and the pane stays to be read.
        StringBuilder script = new StringBuilder("#!/bin/sh\ntrap : "
                + "INT\ncd ").append(Launcher.quoted(t.cwd.toString())).append('\n');
        script.append("env -i");
        env.forEach((k, v) -> script.append(' ').append(k).append('=').append(Launcher.quoted(v)));
        script.append(' ').append(Launcher.quoted(Path.of(System.getProperty("java.home"), "bin", "java").toString()))
                .append(" -cp ").append(Launcher.quoted(System.getProperty("java.class.path"))).append(" Main");
        for (String a : args) script.append(' ').append(Launcher.quoted(a));
        script.append("\necho \"[exit $?]\"\nexec sleep 600\n");
        Path file = Files.writeString(tmp.resolve("run.sh"), script.toString());
        socket = "openclaw-hf-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        sockets.add(socket);
        run("tmux", "-L", socket, "new-session", "-d", "-x", Integer.toString(width), "-y", "60", "-s", "t", "sh "
                + file);
    }

    /** What the pane shows, without the blank lines below it. */
    String screen() throws Exception {
        return run("tmux", "-L", socket, "capture-pane", "-p", "-t", "t").replaceAll("\\s+$", "") + "\n";
    }

    /** Waits (up to 30 s) until the pane shows {@code text}; the screen then. */
    String waitFor(String text) throws Exception {
        String shown = "";
        for (long end = System.nanoTime() + 30_000_000_000L; System.nanoTime() < end; Thread.sleep(50)) {
            shown = screen();
            if (shown.contains(text)) return shown;
        }
        throw new AssertionError("the pane never showed '" + text + "':\n" + shown);
    }

    void keys(String... keys) throws Exception {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket, "send-keys", "-t", "t"));
        command.addAll(List.of(keys));
        run(command.toArray(String[]::new));
    }

    @Test void theTableAt80And120ColumnsIsWhatTheWidthGives() throws Exception {
        t.write(t.config(), "{ agents: { defaults: { model: { primary: 'huggingface/deepseek-ai/DeepSeek-R1' } } } }");
        t.cacheModelList(Repo.read("test/fixtures/router-models.json"));
        for (int width : new int[] {80, 120}) {
            start(width, "models", "--offline");
            String shown = waitFor("[exit 0]");
            Run same = t.modelsAt(width, "--offline");
            assertEquals(same.out() + same.err() + "[exit 0]\n", shown, width + " columns");
            for (String line : shown.split("\n")) assertTrue(line.length() <= width, line);
            assertTrue(shown.contains("  CTX  IN $/M  OUT $/M  "), "price and context are there at " + width);
        }
    }

    @Test void onboardingAgainPreselectsTheDefaultAndEnterKeepsIt() throws Exception {
        t.write(t.config(), "{ agents: { defaults: { model: { primary: 'huggingface/Qwen/Qwen3-8B:cheapest' } } } }");
        t.with("HF_TOKEN", "hf_terminalTest0123456789");
        start(120, "onboard");
        waitFor("(hf_\u20266789)? [Y/n]");
        keys("Enter");
        String page = waitFor("Enter for Qwen3 8B (router) (cheapest):");
        assertTrue(page.contains("\n   1) Qwen3 8B (router) (cheapest)         huggingface/Qwen/Qwen3-8B:cheapest   "
                + "\u2190 default\n"), page);
        keys("Enter");
        waitFor("Write these? [Y/n]");
        keys("Enter");
        String done = waitFor("[exit 0]");
        assertTrue(done.contains(": default model huggingface/Qwen/Qwen3-8B:cheapest, its alias"), done);
        assertFalse(done.contains("interrupted"), "the Ctrl-C hook is gone once onboarding is over: " + done);
        assertEquals("huggingface/Qwen/Qwen3-8B:cheapest", ConfigFile.string(Json5.parse(t.read(t.config())),
                ConfigFile.PRIMARY));
    }

    @Test void ctrlCInOnboardingSaysNothingWasWrittenAndWritesNothing() throws Exception {
        t.with("HF_TOKEN", "hf_terminalTest0123456789");
        start(100, "onboard");
        waitFor("[Y/n]");
        keys("C-c");
        String shown = waitFor("[exit 130]");
        assertTrue(shown.contains("onboard: interrupted; nothing written\n"), shown);
        assertFalse(Files.exists(t.state()), "nothing at all in " + t.state());
    }

    @Test void ctrlCWhileTheSpinnerSpinsLeavesNoSpinnerBehind() throws Exception {
        hub.answer("/v1/models", FakeRouter.Answer.json(200,
                "{\"data\":[]}").stallAfter(FakeRouter.Answer.BEFORE_HEAD));
        start(100, "models", "--refresh");
        waitFor("fetching the model list");
        for (long end = System.nanoTime() + 30_000_000_000L; hub.requests.isEmpty()
                && System.nanoTime() < end; ) Thread.sleep(20);
        keys("C-c");
        String shown = waitFor("[exit 130]");
        assertEquals("[exit 130]\n", shown, "the spinner's line is cleared");
    }

    @Test void aToolCallIsAskedOnTheTerminalAndRunsOnY() throws Exception {
        t.with("HF_TOKEN", "hf_test_token_terminal1");
        t.write(t.config(), "{ agents: { defaults: { model: { primary: \"huggingface/" + ToolsTest.QWEN
                + "\" } } } }");
        ToolsTest tools = new ToolsTest();
        tools.tmp = tmp;
        Path weather = tools.tool("weather", "{\"name\":\"get_weather\"}", "printf '18C'");
        hub.prompt("Weather in Paris?", ToolsTest.callsWeather()).prompt("18C", ToolsTest.says("It is 18C."));
        start(200, "chat", "--tool", weather.toString(), "Weather in Paris?");
        waitFor("[y/N/a]");
        keys("y", "Enter");
        String shown = waitFor("[exit 0]");
        assertTrue(shown.contains("chat: run get_weather {\"city\":\"Paris\"} (--tool " + weather + ")? [y/N/a] y\n"
                + "chat: get_weather gave 3 chars\nIt is 18C.\n"), shown);
    }
}
