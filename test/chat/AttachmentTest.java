import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Images with a question: -a FILE|URL|- and /attach, sent as image_url content parts; refused when they cannot go. */
class AttachmentTest extends RouterTest {
    static final String R1 = "deepseek-ai/DeepSeek-R1", VISION = "zai-org/GLM-4.5V";
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16};
    Path png;

    @BeforeEach void setUp() throws Exception {
        FakeRouter.Answer ok = FakeRouter.Answer.json(200, Repo.read("test/fixtures/chat/nostream_together.json"));
        router.maybeChat(R1, ok).maybeChat(VISION, ok);
        t.with("HF_TOKEN", "hf_test_token_abcd");
        png = Files.write(tmp.resolve("photo.png"), PNG);
    }

    String content(int request) { return Json.write(Json.parse(router.requests.get(request).body()).asObject().array("messages").objects().get(0).get("content")); }

    static String image(String url) { return "{\"type\":\"image_url\",\"image_url\":{\"url\":\"" + url + "\"}}"; }

    @Test void filesGoAsDataUrlsAndUrlsAsGiven() {
        Run r = t.chat("", "--no-stream", "-m", VISION, "-a", png.toString(), "-a", "https://example.com/cat.jpg",
                "What is this?");
        assertEquals(0, r.status(), r.err());
        assertEquals("[{\"type\":\"text\",\"text\":\"What is this?\"}," + image("data:image/png;base64,"
                + Base64.getEncoder().encodeToString(PNG)) + ","
                + image("https://example.com/cat.jpg") + "]", content(0));
    }

    @Test void stdinIsAnImageToo() {
        Run r = t.chatReading(JPEG, "--no-stream", "-m", VISION, "-a", "-", "And this?");
        assertEquals(0, r.status(), r.err());
        assertEquals("[{\"type\":\"text\",\"text\":\"And this?\"}," + image("data:image/jpeg;base64,"
                + Base64.getEncoder().encodeToString(JPEG)) + "]", content(0));
        assertEquals(new Run(2, "",
                "chat: -a - reads the image from stdin: give the prompt as arguments\nTry 'chat --help' for more "
                        + "information.\n"),
                t.chat("", "-a", "-"));
    }

    @Test void refusedBeforeSending() throws Exception {
        Path big = tmp.resolve("big.png");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.write(PNG);
            f.setLength(11L * 1024 * 1024);
        }
        assertEquals(new Run(1, "", "chat: -a " + big + ": 11 MB, more than the 10 MB an attachment may be\n"),
                t.chat("", "-a", big.toString(), "x"));
        Path text = Files.writeString(tmp.resolve("notes.txt"), "hello");
        assertEquals(new Run(1, "", "chat: -a " + text + ": not an image this can send (PNG, JPEG, GIF or WebP)\n"),
                t.chat("", "-a", text.toString(), "x"));
        assertEquals(new Run(1, "", "chat: -a " + tmp.resolve("none.png") + ": no such file\n"), t.chat("", "-a",
                tmp.resolve("none.png").toString(), "x"));
        t.cacheModelList(Repo.read("test/fixtures/router-models.json"));
        assertEquals(new Run(1, "",
                "chat: deepseek-ai/DeepSeek-R1 does not take images (its input: text); models that do: "
                        + "zai-org/GLM-4.5V; nothing was sent\n"),
                t.chat("", "-a", png.toString(), "x"));
        assertEquals(0, router.requests.size(), "nothing was sent");
    }

    @Test void attachInTheConversationGoesWithTheNextMessageOnly() {
        Run r = t.chatTyping("/attach " + png + "\nWhat is this?\nThanks\n", "--no-stream", "-m", VISION);
        assertEquals(0, r.status(), r.err());
        assertEquals(true, r.err().contains("chat: attached " + png + " (1 KB); it goes with your next message\n"),
                r.err());
        assertEquals("[{\"type\":\"text\",\"text\":\"What is this?\"}," + image("data:image/png;base64,"
                + Base64.getEncoder().encodeToString(PNG)) + "]", content(0));
        JsonObject second = Json.parse(router.requests.get(1).body()).asObject();
        assertEquals("\"Thanks\"", Json.write(second.array("messages").objects().get(2).get("content")));
    }
}
