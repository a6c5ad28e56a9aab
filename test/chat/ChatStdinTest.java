import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** cat FILE | chat "summarise this": the piped text, a blank line, then the prompt; --no-stdin the prompt alone. */
class ChatStdinTest extends RouterTest {
    static final String R1 = "deepseek-ai/DeepSeek-R1";
    static final FakeRouter.Answer OK = FakeRouter.Answer.sse(ChatStreams.content("Done.") + ChatStreams.chunk("{}",
            "stop") + ChatStreams.DONE);

    @BeforeEach void setUp() throws Exception {
        router.chat(R1, OK);
        t.with("HF_TOKEN", "hf_test_token_abcd");
    }

    List<String> asked() {
        return router.requests.stream().map(r -> Json.parse(r.body()).asObject().array("messages").objects().get(0).string("content")).toList();
    }

    @Test void pipedTextThenThePrompt() {
        assertEquals(0, t.chat("line one\nline two\n", "summarise this").status());
        assertEquals(List.of("line one\nline two\n\nsummarise this"), asked());
    }

    @Test void noStdinSendsThePromptAlone() {
        assertEquals(0, t.chat("line one\n", "--no-stdin", "summarise this").status());
        assertEquals(List.of("summarise this"), asked());
    }

    @Test void nothingPipedIsThePromptAlone() {
        assertEquals(0, t.chat("", "summarise this").status());
        assertEquals(List.of("summarise this"), asked());
    }

    /** A parent that holds stdin open and never writes (a pipe, as ProcessBuilder gives) must not hang chat. */
    @Test void aPipeNobodyWritesIsGivenUpOnAfterOneSecond() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "Main", "chat", "--no-stream", "summarise this");
        pb.environment().put("HOME", tmp.resolve("home").toString());
        pb.environment().put("HF_ROUTER_URL", router.baseUrl());
        pb.environment().put("HF_TOKEN", "hf_test_token_abcd");
        pb.environment().remove("OPENCLAW_STATE_DIR");
        pb.environment().remove("JBANG_STDIN_NOTTY");
        router.chat(R1, FakeRouter.Answer.json(200, Repo.read("test/fixtures/chat/nostream_together.json")));
        Process p = pb.start();   // its stdin: a pipe this test keeps open and never writes to
        String err = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor());
        assertEquals("chat: nothing came on stdin within 1 s; sending the prompt alone (--no-stdin says so at once)",
                err.lines().findFirst().orElseThrow());
        assertEquals(List.of("summarise this"), asked());
    }
}
