import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every input chat takes from outside is bounded: the log, an answer, a schema, an attachment, a provider's name. */
class ChatBoundsTest extends RouterTest {
    static final String R1 = "deepseek-ai/DeepSeek-R1", QWEN = "Qwen/Qwen3-8B";

    @BeforeEach void setUp() throws Exception {
        t.with("HF_TOKEN", "hf_boundsTestToken0123456789");
    }

    static FakeRouter.Answer says(String text, String provider) {
        return FakeRouter.Answer.sse(ChatStreams.content(text) + ChatStreams.chunk("{}", "stop")
                + ChatStreams.DONE).header("x-inference-provider", provider);
    }

    Path log() { return t.state().resolve("huggingface/chat-log.jsonl"); }

    List<String> models() { return router.chatModels(); }

    @Test void aLogLineCutInsideACharacterIsSkippedLikeAnyTornLine() throws Exception {
        router.chat(R1, says("Paris.", "together"));
        assertEquals(0, t.chat("", "capital of France?").status());
        byte[] cut = "{\"cid\":\"x\",\"answer\":\"caf\u00e9".getBytes(StandardCharsets.UTF_8);
        Files.write(log(), java.util.Arrays.copyOf(cut, cut.length - 1), java.nio.file.StandardOpenOption.APPEND);
        Run logs = t.chat("", "logs");
        assertEquals(0, logs.status(), logs.err());
        assertTrue(logs.out().endsWith("capital of France?\n"), logs.out());
        router.chat(R1 + ":together", says("Lyon is second.", "together"));
        assertEquals(new Run(0, "Lyon is second.\n", "chat: deepseek-ai/DeepSeek-R1:together via together\n"),
                t.chat("", "-c", "and the second city?"));
    }

    @Test void aLogHeldByAnotherProcessIsWaitedForABoundedTimeThenSkipped() throws Exception {
        router.chat(R1, says("Hi.", "together"));
        Files.createDirectories(log().getParent());
        // python3's lockf is the fcntl lock the JDK's FileChannel.lock takes: held by another process till we end it.
        Process holder = new ProcessBuilder("python3", "-c",
                "import fcntl,sys,time\nf=open(sys.argv[1],'a')\nfcntl.lockf(f,fcntl.LOCK_EX)\n"
                + "print('held',flush=True)\ntime.sleep(60)", log().toString()).start();
        try {
            assertEquals("held", new String(holder.getInputStream().readNBytes(4), StandardCharsets.UTF_8));
            assertEquals(new Run(0, "Hi.\n",
                    "chat: deepseek-ai/DeepSeek-R1 via together\nchat: warning: another process held the conversation "
                            + "log " + log()
                    + " for over 2 s; this turn was not logged\n"), t.chat("", "hi"));
        } finally {
            holder.destroyForcibly().waitFor();
        }
        assertEquals(0, Files.size(log()));
    }

    @Test void aFifoOrADeviceIsRefusedUnread() throws Exception {
        Path fifo = tmp.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        assertEquals(new Run(1, "", "chat: --schema: cannot read " + fifo
                + " (not a regular file: a device, a FIFO or a folder)\n"),
                t.chat("", "--schema", fifo.toString(), "hi"));
        assertEquals(new Run(1, "",
                "chat: -a /dev/zero: not a file (a device, a FIFO or a folder); nothing was read\n"), t.chat("", "-a",
                        "/dev/zero", "hi"));
        assertEquals(new Run(1, "", "chat: -a " + fifo
                + ": not a file (a device, a FIFO or a folder); nothing was read\n"), t.chat("", "-a", fifo.toString(),
                        "hi"));
        Files.createDirectories(log().getParent());
        assertEquals(0, new ProcessBuilder("mkfifo", log().toString()).start().waitFor());
        router.chat(R1, says("Hi.", "together"));
        Run r = t.chat("", "hi");
        assertEquals(new Run(0, "Hi.\n",
                "chat: deepseek-ai/DeepSeek-R1 via together\nchat: warning: could not write the conversation log "
                        + log()
                + ": " + log() + " is not a regular file\n"), r);
        assertEquals(new Run(1, "", "chat: " + log() + ": not a regular file: a device, a FIFO or a folder\n"),
                t.chat("", "logs"));
        assertEquals(List.of(R1), models(), "one request, for the one run that could send");
    }

    @Test void aDataUrlAndAMissingFileAreSaidAsWhatTheyAre() {
        assertEquals(new Run(1, "",
                "chat: -a data:image/png;base64,iVBORw0KGgo: a data: URL is not taken as given; save the image to a "
                        + "file and attach the file\n"),
                t.chat("", "-a", "data:image/png;base64,iVBORw0KGgo", "hi"));
        assertEquals(new Run(1, "", "chat: -a nothing.png: no such file\n"), t.chat("", "-a", "nothing.png", "hi"));
    }

    @Test void inlineJsonThatIsNotAnObjectIsNotAFileName() {
        assertEquals(new Run(1, "", "chat: --schema: a JSON schema is an object, not true\n"), t.chat("", "--schema",
                "true", "hi"));
        assertEquals(new Run(1, "", "chat: --schema: a JSON schema is an object, not [1]\n"), t.chat("", "--schema",
                "[1]", "hi"));
    }

    @Test void aHugeIntegerIsCheckedInLinearTime() {
        assertTrue(new JsonNumber("1" + "0".repeat(200_000)).isWhole());
        assertTrue(new JsonNumber("1.50e1").isWhole() && new JsonNumber("0x1F").isWhole()
                && new JsonNumber("-0.0").isWhole() && new JsonNumber("12e-1").isWhole() == false);
        assertTrue(!new JsonNumber("1.5").isWhole() && !new JsonNumber("1e-" + "9".repeat(30)).isWhole()
                && new JsonNumber("1e" + "9".repeat(30)).isWhole());
        assertTrue(!new JsonNumber("Infinity").isWhole() && !new JsonNumber("NaN").isWhole()
                && new JsonNumber("1200e-2").isWhole());
    }

    @Test void anAnswerPastTheCapIsCutAndWhatWasShownKept() {
        String part = "x".repeat(1024 * 1024);
        StringBuilder stream = new StringBuilder();
        for (int i = 0; i < 10; i++) stream.append(ChatStreams.content(part));
        router.chat(R1, FakeRouter.Answer.sse(stream + ChatStreams.chunk("{}", "stop")
                + ChatStreams.DONE).header("x-inference-provider", "together"));
        Run r = t.chat("", "--no-log", "hi");
        assertEquals(0, r.status());
        assertEquals(9 * 1024 * 1024 + 1, r.out().length(), "the 9 MB shown before the cap, and a line end");
        assertEquals("chat: the answer passed 8 MB; stopped reading it (what was shown is kept)\n"
                + "chat: deepseek-ai/DeepSeek-R1 via together \u00b7 cut at the token limit\n", r.err());
    }

    @Test void onlyAProviderNameThatIsASuffixSticks() throws Exception {
        for (String provider : List.of("Together", "a b", "x:y", "auto", "cheapest")) {
            TestEnv e = new TestEnv(tmp.resolve("p" + provider.hashCode())).with("HF_ROUTER_URL",
                    router.baseUrl()).with("HF_TOKEN", "hf_boundsTestToken0123456789");
            router.requests.clear();
            router.chat(R1, FakeRouter.Answer.sse(ChatStreams.content("One.") + ChatStreams.chunk("{}", "stop")
                    + ChatStreams.DONE)
                    .header("x-inference-provider", provider));
            assertEquals(0, e.chat("", "first").status());
            Run again = e.chat("", "-c", "second");
            assertEquals(0, again.status(), again.err());
            assertEquals("One.\n", again.out());
            assertEquals(List.of(R1, R1), models(), provider + " is not a provider suffix: never sent as one");
        }
    }

    @Test void aStickyProvidersRefusalGoesBackToTheConversationsOwnModel() {
        router.chat(R1, says("One.", "together"));
        assertEquals(0, t.chat("", "first").status());
        router.chat(R1 + ":together", FakeRouter.Answer.json(400, "{\"error\":\"this provider refuses\"}"));
        router.chat(R1, says("Two.", "novita"));
        Run r = t.chat("", "-c", "second");
        assertEquals(new Run(0, "Two.\n",
                "chat: deepseek-ai/DeepSeek-R1:together: 400: the request was refused (router: this provider refuses); "
                        + "trying "
                + "deepseek-ai/DeepSeek-R1\nchat: deepseek-ai/DeepSeek-R1 via novita\n"), r);
        assertEquals(List.of(R1, R1 + ":together", R1), models());
    }

    @Test void aWorkingFoldersDotEnvDoesNotChooseWhoPays() {
        router.chat(R1, says("Hi.", "together"));
        t.write(t.cwd.resolve(".env"), "HF_BILL_TO=evil-org\n");
        Run r = t.chat("", "hi");
        assertEquals(0, r.status());
        assertEquals(null, router.requests.get(0).header("X-HF-Bill-To"));
        assertTrue(r.err().startsWith("chat: warning: ./.env sets HF_BILL_TO, which decides where your token goes: not "
                + "used from there\n"), r.err());
    }

    @Test void aLongBillToIsQuotedShort() {
        t.with("HF_BILL_TO", "x".repeat(4999) + "!");
        assertEquals(new Run(1, "", "chat: environment variable HF_BILL_TO: '" + "x".repeat(40)
                + "\u2026' is not an organization name\n"), t.chat("", "hi"));
    }

    @Test void imagesNeverGoToATextOnlyFallback() throws Exception {
        t.cacheModelList("{\"object\":\"list\",\"data\":[{\"id\":\"" + R1
                + "\",\"architecture\":{\"input_modalities\":[\"text\",\"image\"]},"
                + "\"providers\":[{\"provider\":\"together\",\"status\":\"live\"}]},{\"id\":\"" + QWEN
                        + "\",\"architecture\":{\"input_modalities\":[\"text\"]},"
                + "\"providers\":[{\"provider\":\"together\",\"status\":\"live\"}]}]}");
        Path png = Files.write(tmp.resolve("a.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        router.chat(R1, FakeRouter.Answer.json(503, "{\"error\":\"down\"}"));
        Run r = t.chat("", "--retries", "0", "--fallback", QWEN, "-a", png.toString(), "what is this?");
        assertEquals(new Run(1, "",
                "chat: not falling back to Qwen/Qwen3-8B: it does not take images (its input: text)\n"
                + "chat: deepseek-ai/DeepSeek-R1: 503: server error (router: down)\nchat: no model answered (1 "
                        + "attempt)\n"), r, "together, the one provider, is the router's own pick: not asked twice");
        assertEquals(List.of(R1), models());
    }
    @Test void aSearchOfTheLogFindsTextInAnyCaseAndWhatJsonEscapes() {
        router.chat(R1, says("Oui.", "together"));
        assertEquals(0, t.chat("", "Le CAF\u00c9 \"noir\" est-il bon?").status());
        for (String query : List.of("caf\u00e9", "CAF\u00c9 \"NOIR\"", "le caf", "EST-IL")) {
            Run r = t.chat("", "logs", "-q", query);
            assertTrue(r.out().endsWith("Le CAF\u00c9 \"noir\" est-il bon?\n"), query + ": " + r.out() + r.err());
        }
        assertEquals("chat: no turn matches (~/.openclaw/huggingface/chat-log.jsonl)\n", t.chat("", "logs", "-q",
                "th\u00e9").err());
    }
}
