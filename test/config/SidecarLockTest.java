import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OpenClaw's sidecar lock, as models set and onboard meet it: held, stale, leftover, and never left behind. */
class SidecarLockTest {
    static final long OURS = ProcessHandle.current().pid();
    /** A pid no process can have (above Linux's pid_max). */
    static final long GONE = 999_999_999L;
    static final String CONFIG = "{ agents: { defaults: { model: { primary: \"huggingface/deepseek-ai/DeepSeek-R1\" } "
            + "} } }\n";

    @TempDir Path tmp;
    TestEnv t;
    Path lock;

    @BeforeEach void setUp() {
        t = new TestEnv(tmp).cacheModelList(Repo.read("test/fixtures/router-models.json"));
        // this test's own, not a JVM-wide setting other tests would see
        t.lockWait = java.time.Duration.ofMillis(300);
        t.write(t.config(), CONFIG);
        lock = t.state().resolve("openclaw.json.lock");
    }

    static String payload(String json) { return json + "\n" + "\t".repeat(8) + " \t".repeat(64) + "\n"; }

    Run set() { return t.models("set", "Qwen/Qwen3-8B"); }

    static final Run SET = new Run(0,
            "Default model: huggingface/Qwen/Qwen3-8B (was huggingface/deepseek-ai/DeepSeek-R1)\n", "");

    @Test void anEditLeavesNoLockBehindAndOnboardNoneBesideTheEnvFile() {
        assertEquals(SET, set());
        assertFalse(Files.exists(lock));
        t.onboard("", "--non-interactive", "--huggingface-api-key", "hf_abcdefghijklmnopqrstuvwxyz",
                "--skip-validation");
        try (var files = Files.list(t.state())) {
            assertEquals(java.util.List.of(".env", "cache", "openclaw.json", "openclaw.json.bak",
                    "openclaw.json.bak.1"), files.map(p -> p.getFileName().toString()).sorted().toList());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test void whileEditingTheLockHoldsWhatOpenClawWritesThere() throws Exception {
        Path file = t.state().resolve("x.json");
        String seen = SidecarLock.locked(file, SidecarLock.WAIT,
                () -> Files.readString(file.resolveSibling("x.json.lock")));
        JsonObject payload = Json.parse(seen).asObject();
        assertEquals(java.util.List.of("pid", "createdAt", "starttime"),
                java.util.List.copyOf(payload.members().keySet()));
        assertEquals(OURS, payload.longOr("pid", 0));
        assertEquals(SidecarLock.startTime(OURS), payload.wholeOrNull("starttime"));
        assertTrue(seen.matches("(?s)\\{\n  \"pid\": \\d+,\n  \"createdAt\": \"[0-9T:Z-]+\",\n  \"starttime\": "
                + "\\d+\n}\n\t{8}[\t ]{128}\n"), seen);
        assertFalse(Files.exists(file.resolveSibling("x.json.lock")));
    }

    @Test void aLockHeldByALiveProcessIsWaitedForThenRefusedWithNothingWritten() {
        t.write(lock, payload("{\n  \"pid\": " + OURS + ",\n  \"createdAt\": \"" + Instant.now() + "\"\n}"));
        assertEquals(new Run(1, "", "models: openclaw.json is being changed by another process (pid " + OURS
                + "); try again\n"), set());
        assertEquals(CONFIG, t.read(t.config()));
        assertTrue(Files.exists(lock), "someone else's lock stays");
    }

    @Test void aLockOfAProcessThatIsGoneIsTakenOver() {
        t.write(lock, payload("{\n  \"pid\": " + GONE + ",\n  \"createdAt\": \"" + Instant.now() + "\"\n}"));
        assertEquals(SET, set());
        assertFalse(Files.exists(lock));
    }

    @Test void aLockWhosePidWasReusedByAnotherProcessIsTakenOver() {
        t.write(lock, payload("{\n  \"pid\": " + OURS + ",\n  \"createdAt\": \"" + Instant.now()
                + "\",\n  \"starttime\": " + (SidecarLock.startTime(OURS) + 1) + "\n}"));
        assertEquals(SET, set());
    }

    @Test void aLockWithoutPidIsStaleThirtySecondsAfterItWasMade() {
        t.write(lock, payload("{\n  \"createdAt\": \"" + Instant.now().minusSeconds(29) + "\"\n}"));
        assertEquals(1, set().status());
        t.write(lock, payload("{\n  \"createdAt\": \"" + Instant.now().minusSeconds(31) + "\"\n}"));
        assertEquals(SET, set());
    }

    @Test void aLockThatSaysNothingIsNeverTakenOver() throws Exception {
        t.write(lock, "not json\n");
        Files.setLastModifiedTime(lock, FileTime.from(Instant.now().minusSeconds(3600)));
        assertEquals(new Run(1, "", "models: openclaw.json is being changed by another process; try again\n"), set());
    }

    @Test void anEmptyLockLeftByAnEarlierVersionIsCleanedUpWhenNobodyHoldsIt() throws Exception {
        t.write(lock, "");
        assertEquals(1, set().status(), "a fresh empty lock may be OpenClaw's, between its create and its write");
        Files.setLastModifiedTime(lock, FileTime.from(Instant.now().minusSeconds(60)));
        try (var channel = java.nio.channels.FileChannel.open(lock,
                java.nio.file.StandardOpenOption.WRITE); var held = channel.lock()) {
            assertEquals(1, set().status(), "an earlier version still at work holds an OS lock on it");
        }
        assertEquals(SET, set());
        assertFalse(Files.exists(lock));
    }

    @Test void whileSomeoneReclaimsNobodyElseTakesTheLock() throws Exception {
        Files.createDirectories(t.state().resolve("openclaw.json.lock.reclaim"));
        assertEquals(new Run(1, "", "models: openclaw.json is being changed by another process; try again\n"), set());
    }

    @Test void theOwnershipTokenIsWhitespaceToJson() {
        String raw = new String(SidecarLock.payload(42, Instant.parse("2026-12-02T10:00:00Z"), new Random(1)),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(raw.startsWith("{\n  \"pid\": 42,\n  \"createdAt\": \"2026-12-02T10:00:00Z\""), raw);
        assertEquals(42, Json.parse(raw).asObject().longOr("pid", 0));
    }
}
