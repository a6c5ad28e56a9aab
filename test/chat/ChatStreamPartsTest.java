import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The pieces under chat: event-stream framing, chunk shapes, <think> splitting, backoff. */
class ChatStreamPartsTest {
    static List<String> events(String... lines) {
        Sse sse = new Sse();
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            String e = sse.line(l);
            if (e != null) out.add(e);
        }
        String last = sse.end();
        if (last != null) out.add(last);
        return out;
    }

    @Test void sseDataLinesDispatchOnABlankLine() { assertEquals(List.of("a", "b"), events("data: a", "", "data:b",
            "")); }
    @Test void sseJoinsDataLinesAndSkipsCommentsAndOtherFields() { assertEquals(List.of("1\n2"), events(": keep-alive",
            "event: message", "data: 1", "id: 7", "data: 2", "")); }
    @Test void sseALastEventWithoutItsBlankLine() { assertEquals(List.of("x"), events("data: x")); }
    @Test void sseBlankLinesAloneAreNothing() { assertEquals(List.of(), events("", "", ": ping", "")); }

    @Test void chunkWithEverythingMissing() { assertEquals(new ChatChunk(null, null, null, null, null, List.of()),
            ChatChunk.ofStreamed("{\"id\":\"\",\"choices\":[],\"usage\":null}")); }
    @Test void chunkUsageWithoutTotal() { assertEquals(new ChatChunk.Usage(3, 4, 7),
            ChatChunk.ofStreamed("{\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":4}}").usage()); }
    @Test void chunkErrorAsObject() { assertEquals("boom",
            ChatChunk.ofStreamed("{\"error\":{\"message\":\"boom\",\"code\":500}}").error()); }
    @Test void chunkReasoningContentWinsOverReasoning() {
        assertEquals("a", ChatChunk.ofStreamed("{\"choices\":[{\"delta\":{\"reasoning_content\":\"a\",\"reasoning\":\"b\"}}]}").reasoning());
    }

    static String split(String... pieces) {
        StringBuilder sb = new StringBuilder();
        ThinkSplitter s = new ThinkSplitter(new ThinkSplitter.Sink() {
            public void content(String text) { sb.append("[").append(text).append("]"); }
            public void reasoning(String text) { sb.append("{").append(text).append("}"); }
        });
        for (String p : pieces) s.feed(p);
        s.finish();
        return sb.toString();
    }

    @Test void thinkWhole() { assertEquals("{why}[so]", split("<think>why</think>\n\nso")); }
    @Test void thinkTagsSplitAnywhere() { assertEquals("{w}{hy}[s][o]", split("<", "think>w", "hy</", "think>", "\n",
            "s", "o")); }
    @Test void aLessThanThatIsNoTag() { assertEquals("[a ][<b]", split("a <", "b")); }
    @Test void anUnfinishedTagAtTheEndIsText() { assertEquals("[x][<thi]", split("x<thi")); }
    @Test void noTagsNoChange() { assertEquals("[plain][ text]", split("plain", " text")); }

    @Test void backoffDoublesWithJitterUpToItsCap() {
        Random top = new Random() {
            @Override public double nextDouble() { return 1.0; }
        };
        assertEquals(List.of(1000L, 2000L, 4000L, 8000L, 8000L), List.of(0, 1, 2, 3,
                4).stream().map(n -> Backoff.delay(n, null, top).toMillis()).toList());
    }

    @Test void retryAfterInSecondsOrAsADate() {
        ZonedDateTime now = ZonedDateTime.parse("2026-11-21T10:00:00Z");
        assertEquals(Duration.ofSeconds(7), Backoff.retryAfter("7", now));
        assertEquals(Duration.ofSeconds(90), Backoff.retryAfter("Sat, 21 Nov 2026 10:01:30 GMT", now));
        assertNull(Backoff.retryAfter("soon", now));
        assertEquals(Duration.ofSeconds(5), Backoff.delay(0, Duration.ofSeconds(5), new Random()));
    }
}
