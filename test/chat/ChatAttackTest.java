import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** chat's surfaces as an attacker tries them: what a router, a provider or a model says never takes over. */
class ChatAttackTest extends RouterTest {
    static final String R1 = "deepseek-ai/DeepSeek-R1", QWEN = "Qwen/Qwen3-8B";
    static final String TOKEN = "hf_attackTestTokenAbcdefghijklmnop";
    static final FakeRouter.Answer QUOTES_TOKEN = FakeRouter.Answer.json(503, "{\"error\":\"upstream rejected key "
            + TOKEN + "\"}");

    @BeforeEach void setUp() throws Exception {
        t.with("HF_TOKEN", TOKEN);
    }

    static FakeRouter.Answer says(String text) {
        return FakeRouter.Answer.sse(ChatStreams.content(text) + ChatStreams.chunk("{}", "stop") + ChatStreams.DONE);
    }

    @Test void aRouterErrorQuotingTheTokenIsRedactedInEveryAttemptsLine() {
        router.chat(R1, QUOTES_TOKEN);
        router.chat(QWEN, QUOTES_TOKEN);
        Run r = t.chat("", "--fallback", QWEN, "hi");
        assertEquals(new Run(1, "", """
                chat: deepseek-ai/DeepSeek-R1: 503: server error (router: upstream rejected key [redacted]); retrying in 0.75 s (retry 1 of 2)
                chat: deepseek-ai/DeepSeek-R1: 503: server error (router: upstream rejected key [redacted]); retrying in 1.5 s (retry 2 of 2)
                chat: deepseek-ai/DeepSeek-R1: 503: server error (router: upstream rejected key [redacted]); trying Qwen/Qwen3-8B
                chat: Qwen/Qwen3-8B: 503: server error (router: upstream rejected key [redacted]); retrying in 0.75 s (retry 1 of 2)
                chat: Qwen/Qwen3-8B: 503: server error (router: upstream rejected key [redacted]); retrying in 1.5 s (retry 2 of 2)
                chat: Qwen/Qwen3-8B: 503: server error (router: upstream rejected key [redacted])
                chat: no model answered (6 attempts)
                """), r);
    }

    @Test void anAnswerRepeatingTheTokenInPiecesIsRedacted() {
        router.chat(R1, FakeRouter.Answer.sse(ChatStreams.content("your key: " + TOKEN.substring(0, 9))
                + ChatStreams.content(TOKEN.substring(9))
                + ChatStreams.chunk("{}", "stop") + ChatStreams.DONE));
        assertEquals("your key: [redacted]\n", t.chat("", "hi").out());
    }

    @Test void theConversationsFailuresAreEscapedAndRedacted() {
        router.chat(R1, FakeRouter.Answer.json(400, "{\"error\":\"bad \\u001b]52;c;aGk=\\u0007 " + TOKEN + "\"}"));
        Run r = t.chatTyping("hello\n");
        assertTrue(r.err().contains("chat: deepseek-ai/DeepSeek-R1: 400: the request was refused (router: bad "
                + "\\u001b]52;c;aGk=\\u0007 [redacted])\n"), r.err());
        assertFalse(r.err().contains("\u001b") || r.err().contains(TOKEN), r.err());
    }

    @Test void anExtractedCodeBlockCannotWriteTheClipboard() {
        router.chat(R1, says("```sh\necho hi\u001b]52;c;cm0gLXJmIH4=\u0007\n```\n"));
        assertEquals("echo hi\\u001b]52;c;cm0gLXJmIH4=\\u0007\n", t.chat("", "-x", "code please").out());
    }
    @Test void aPastedForeignTokenNeverReachesTheLog() throws Exception {
        router.chat(R1, says("Noted."));
        String foreign = "hf_SomeoneElsesTokenAbcdefghijklmnopq";
        assertEquals(0, t.chat("", "my colleague's key is " + foreign + ", and mine " + TOKEN).status());
        String log = java.nio.file.Files.readString(t.state().resolve("huggingface/chat-log.jsonl"));
        assertTrue(log.contains("my colleague's key is [redacted], and mine [redacted]"), log);
        assertFalse(log.contains("hf_SomeoneElses") || log.contains(TOKEN), log);
    }
}
