import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** chat on a terminal: the conversation, its commands and multi-line input, driven by typed lines. */
class ChatReplTest extends RouterTest {
    static final String R1 = "deepseek-ai/DeepSeek-R1", QWEN = "Qwen/Qwen3-8B";

    static FakeRouter.Answer says(String text) {
        return FakeRouter.Answer.sse(ChatStreams.content(text) + ChatStreams.chunk("{}", "stop") + ChatStreams.DONE);
    }

    List<JsonValue> messages(int request) {
        return Json.parse(router.requests.get(request).body()).asObject().get("messages").asArray().elements();
    }

    static JsonValue msg(String role, String content) { return ChatReport.message(role, content); }

    @Test void aConversationKeepsItsHistory() {
        router.chat(R1, says("Hi!"), says("Paris."));
        Run r = t.chatTyping("hello\nand the capital of France?\n");
        assertEquals(new Run(0, "Hi!\nParis.\n", """
                chat with deepseek-ai/DeepSeek-R1 · /help for commands · /exit or Ctrl-D to leave
                > chat: deepseek-ai/DeepSeek-R1
                > chat: deepseek-ai/DeepSeek-R1
                >\s
                """), r);
        assertEquals(List.of(msg("user", "hello"), msg("assistant", "Hi!"), msg("user", "and the capital of France?")),
                messages(1));
    }

    @Test void modelSystemResetAndMultiLine() {
        router.chat(QWEN, says("A."), says("B."));
        Run r = t.chatTyping("/model Qwen/Qwen3-8B\n/system Be terse.\none\n/reset\n\"\"\"\nline 1\nline "
                + "2\n\"\"\"\n/exit\n");
        assertEquals(0, r.status());
        assertEquals("A.\nB.\n", r.out());
        assertEquals(List.of(QWEN, QWEN), router.chatModels());
        assertEquals(List.of(msg("system", "Be terse."), msg("user", "one")), messages(0));
        assertEquals(List.of(msg("system", "Be terse."), msg("user", "line 1\nline 2")), messages(1));
        assertEquals("""
                chat with deepseek-ai/DeepSeek-R1 · /help for commands · /exit or Ctrl-D to leave
                > chat: now talking to Qwen/Qwen3-8B
                > chat: system prompt set
                > chat: Qwen/Qwen3-8B
                > chat: conversation forgotten
                > … … … chat: Qwen/Qwen3-8B
                >\s""", r.err());
    }

    @Test void retryAsksTheLastQuestionAgainInPlaceOfItsAnswer() {
        router.chat(R1, says("Maybe."), says("Yes."));
        Run r = t.chatTyping("is it?\n/retry\n");
        assertEquals("Maybe.\nYes.\n", r.out());
        assertEquals(List.of(msg("user", "is it?")), messages(1));
    }

    @Test void aFailedQuestionIsReportedAndTheConversationGoesOn() {
        router.chat(R1, FakeRouter.Answer.json(402, "{\"error\":\"You have depleted your monthly included credits.\"}"),
                says("Now it works."));
        Run r = t.chatTyping("first\n/retry\n");
        assertEquals(0, r.status());
        assertEquals("Now it works.\n", r.out());
        assertEquals(List.of(msg("user", "first")), messages(1));
        assertEquals("""
                chat with deepseek-ai/DeepSeek-R1 · /help for commands · /exit or Ctrl-D to leave
                > chat: deepseek-ai/DeepSeek-R1: 402: your Inference Providers credits are used up; buy pre-paid credits at https://huggingface.co/settings/billing or subscribe to PRO (router: You have depleted your monthly included credits.)
                chat: no model answered (1 attempt)
                > chat: deepseek-ai/DeepSeek-R1
                >\s
                """, r.err());
    }

    @Test void unknownCommandsAndHelp() {
        Run r = t.chatTyping("/modle x\n/retry\n/help\n/model\n/model a/b:auto\n");
        assertEquals("", r.out());
        assertEquals("chat with deepseek-ai/DeepSeek-R1 · /help for commands · /exit or Ctrl-D to leave\n"
                + "> chat: unknown command /modle (did you mean /model?); /help lists them\n"
                + "> chat: nothing to retry yet\n"
                + "> " + ChatRepl.HELP
                + "> chat: talking to deepseek-ai/DeepSeek-R1\n"
                + "> chat: ':auto' is not a valid suffix: use :fastest, :cheapest, :preferred or :<provider> (e.g. "
                        + ":together)\n"
                + "> \n", r.err());
        assertEquals(List.of(), router.requests);
    }

    @Test void endOfInputInsideABlockSendsNothing() {
        Run r = t.chatTyping("\"\"\"\nhalf a thought\n");
        assertEquals(new Run(0, "",
                "chat with deepseek-ai/DeepSeek-R1 · /help for commands · /exit or Ctrl-D to leave\n> … … \n"), r);
        assertEquals(List.of(), router.requests);
    }

    @Test void ctrlCDuringAnAnswerStopsItAndTheConversationGoesOnWithItsHistory() throws Exception {
        router.chat(R1, says("Hi!"), says("never sent").stallAfter(0), says("Paris."));
        java.util.concurrent.atomic.AtomicReference<Runnable> ctrlC = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.CompletableFuture<Run> run = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> t.chatTyping(ctrlC::set, "hello\nwhat is long?\nand the capital of France?\n"));
        // Press Ctrl-C once the second question has reached the router (which holds its answer back).
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (router.requests.size() < 2 && System.nanoTime() < deadline) Thread.onSpinWait();
        assertEquals(2, router.requests.size(), "the second question never reached the router");
        ctrlC.get().run();
        Run r = run.get(20, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(0, r.status(), r.err());
        assertEquals("Hi!\nParis.\n", r.out());
        assertTrue(r.err().contains("> chat: interrupted\n> "), r.err());
        assertEquals(List.of(msg("user", "hello"), msg("assistant", "Hi!"), msg("user", "and the capital of France?")),
                messages(2),
                "the stopped question is not part of the history");
    }

    @Test void slashModelChecksAPinnedProviderAsModelsShowDoes() {
        t.cacheModelList(Repo.read("test/fixtures/router-models.json"));
        router.chat(R1, says("Hi!"));
        Run r = t.chatTyping("/model deepseek-ai/DeepSeek-R1:sambanova\nhello\n");
        assertEquals(new Run(0, "Hi!\n", """
                chat with deepseek-ai/DeepSeek-R1 · /help for commands · /exit or Ctrl-D to leave
                > chat: ':sambanova' does not serve deepseek-ai/DeepSeek-R1; providers that do: novita, together, featherless-ai
                > chat: deepseek-ai/DeepSeek-R1
                >\s
                """), r);
        assertEquals(List.of(R1), router.chatModels(), "still talking to the model it was talking to");
    }

    @Test void ctrlCAtThePromptLeaves() {
        // For real, leaving is exit 130 (System.exit); the REPL calls what it was given.
        java.util.concurrent.atomic.AtomicBoolean left = new java.util.concurrent.atomic.AtomicBoolean();
        ChatRepl repl = new ChatRepl(null, List.of(ModelRef.parse(R1)), new java.io.ByteArrayInputStream(new byte[0]),
                System.err,
                java.util.Map.of(), () -> left.set(true));
        repl.interrupt();
        assertTrue(left.get());
    }

    @Test void afterModelTheConfiguredFallbacksStillApply() {
        t.write(t.config(), "{ agents: { defaults: { model: { primary: 'huggingface/" + R1
                + "', fallbacks: ['huggingface/deepseek-ai/DeepSeek-V4-Pro'] } } } }");
        router.chat(QWEN, FakeRouter.Answer.json(404, "{}"));
        router.chat("deepseek-ai/DeepSeek-V4-Pro", says("from the fallback"));
        Run r = t.chatTyping("/model " + QWEN + "\nhello\n");
        assertEquals("from the fallback\n", r.out());
        assertEquals(List.of(QWEN, "deepseek-ai/DeepSeek-V4-Pro"), router.chatModels());
    }
}
