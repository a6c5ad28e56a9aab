import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An image sent with a question ({@code -a FILE|URL|-}, {@code /attach FILE}): an OpenAI {@code image_url}
 * content part. A file (or stdin) goes as a base64 {@code data:} URL with its media type, told by its first bytes
 * (PNG, JPEG, GIF, WebP); an http(s) URL goes as given, for the provider to fetch.
 */
record Attachment(String shown, JsonObject part, long bytes) {
    /** The most a file may hold: providers refuse far smaller requests than the base64 of more. */
    static final long MAX_BYTES = 10L * 1024 * 1024;

    static Attachment of(String given, InputStream stdin) {
        String lower = given.toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://") || lower.startsWith("http://")) return new Attachment(given, part(given), 0);
        String shown = given.equals("-") ? "stdin" : Printable.line(given);
        if (lower.startsWith("data:")) {
            throw new Cli.Failure("-a " + shorten(shown)
                    + ": a data: URL is not taken as given; save the image to a file and attach the file");
        }
        byte[] data;
        try {
            data = given.equals("-") ? stdin.readNBytes((int) MAX_BYTES + 1) : FileReads.bytes(Path.of(given),
                    MAX_BYTES);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new Cli.Failure("-a " + shown + ": no such file");
        } catch (FileReads.TooLarge e) {
            throw tooBig(shown, sizeOr(Path.of(given), MAX_BYTES + 1));
        } catch (FileReads.NotRegular e) {
            throw new Cli.Failure("-a " + shown + ": not a file (a device, a FIFO or a folder); nothing was read");
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw new Cli.Failure("-a " + shown + ": cannot read it (" + Cli.reason(e) + ")");
        }
        if (data.length > MAX_BYTES) throw tooBig(shown, data.length);
        String type = mediaType(data);
        if (type == null) throw new Cli.Failure("-a " + shown
                + ": not an image this can send (PNG, JPEG, GIF or WebP)");
        return new Attachment(shown, part("data:" + type + ";base64,"
                + java.util.Base64.getEncoder().encodeToString(data)), data.length);
    }

    private static long sizeOr(Path file, long otherwise) {
        try {
            return Math.max(otherwise, Files.size(file));
        } catch (IOException e) {
            return otherwise;
        }
    }

    private static String shorten(String s) { return s.length() > 40 ? s.substring(0, 40) + "\u2026" : s; }

    private static Cli.Failure tooBig(String shown, long size) {
        return new Cli.Failure("-a " + shown + ": " + Figures.plain(Math.round(size / 104857.6) / 10.0)
                + " MB, more than the " + MAX_BYTES / (1024 * 1024)
                + " MB an attachment may be");
    }

    private static JsonObject part(String url) {
        return JsonValue.object("type", JsonValue.of("image_url"), "image_url", JsonValue.object("url",
                JsonValue.of(url)));
    }

    /** The media type of an image by its first bytes, or null. */
    static String mediaType(byte[] d) {
        if (starts(d, 0x89, 'P', 'N', 'G')) return "image/png";
        if (starts(d, 0xFF, 0xD8, 0xFF)) return "image/jpeg";
        if (starts(d, 'G', 'I', 'F', '8')) return "image/gif";
        if (starts(d, 'R', 'I', 'F', 'F') && d.length >= 12 && d[8] == 'W' && d[9] == 'E' && d[10] == 'B'
                && d[11] == 'P') return "image/webp";
        return null;
    }

    private static boolean starts(byte[] d, int... prefix) {
        if (d.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if ((d[i] & 0xFF) != prefix[i]) return false;
        return true;
    }

    /** The user message: the text alone, or the text and the attachments as content parts. */
    static JsonValue message(String text, List<Attachment> attachments) {
        if (attachments.isEmpty()) return ChatReport.message("user", text);
        List<JsonValue> parts = new ArrayList<>();
        parts.add(JsonValue.object("type", JsonValue.of("text"), "text", JsonValue.of(text)));
        for (Attachment a : attachments) parts.add(a.part());
        return JsonValue.object("role", JsonValue.of("user"), "content", new JsonArray(parts));
    }

    /**
     * Refuses, before anything is sent, images for a model the cached list says takes none (its input modalities
     * lack "image"), naming models that do. A model the list does not know, or no list, is not refused.
     */
    static void requireImages(ModelRef model, List<RouterModel> known) {
        for (RouterModel m : known) {
            if (!model.names(m.id()) || m.input().isEmpty() || m.input().contains("image")) continue;
            List<String> seeing = new ArrayList<>();
            for (RouterModel other : known) if (other.input().contains("image")
                    && seeing.size() < 5) seeing.add(other.id());
            throw new Cli.Failure(model.id() + " does not take images (its input: " + String.join(", ", m.input())
                    + "); "
                    + (seeing.isEmpty() ? "no model in the cached list does" : "models that do: " + String.join(", ",
                            seeing)) + "; nothing was sent");
        }
    }
}
