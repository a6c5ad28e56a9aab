/**
 * A router call that did not give a usable answer, worded for one line on stderr
 * ({@code 401: token rejected}, {@code timed out after 30 s}). Kept apart from {@link RouterClient} so
 * that code on the offline path can name it without loading {@code java.net.http}.
 */
final class RouterError extends Exception {
    /** The HTTP status, or 0 when there was no answer (network, timeout, bad body). */
    final int status;

    RouterError(int status, String message) {
        super(message);
        this.status = status;
    }

    /** What an error body says: the router's words and the OpenAI-style {@code error.code}, each possibly null. */
    record Said(String message, String code) { }

    /** Reads an error body once: {@code {"error":"text"}} or {@code {"error":{"message":...,"code":...}}}. */
    static Said said(String body) {
        try {
            JsonValue error = Json.parse(body).asObject().get("error");
            String code = error instanceof JsonObject o ? o.string("code") : null;
            return new Said(Printable.line(message(error)), code);
        } catch (JsonException e) {
            return new Said(null, null);   // not JSON: no words of the router's to quote
        }
    }

    /** The text of an {@code error} value, a string or an object's {@code message}; null otherwise. */
    static String message(JsonValue error) {
        if (error instanceof JsonString s) return s.value();
        if (error instanceof JsonObject o) return o.string("message");
        return null;
    }

    /** What a 401 means: the token was refused, or there was none to send. */
    static String unauthorized(boolean tokenSent) {
        return tokenSent ? "token rejected" : "no token was sent; set HF_TOKEN or run " + Invocation.command("onboard");
    }

    /** The one-line form of a non-2xx answer; {@code tokenSent}: whether the request carried a token. */
    static RouterError forStatus(int status, String body, boolean tokenSent) {
        String plain = switch (status) {
            case 401 -> unauthorized(tokenSent);
            case 402 -> "out of credits";
            case 403 -> "token lacks the Inference Providers permission";
            case 404 -> "not found";
            case 429 -> "rate limited";
            default -> null;
        };
        String said = said(body).message();
        String message = status + ": " + (plain != null ? plain : said != null ? said : "HTTP error");
        return new RouterError(status, message.length() > 200 ? message.substring(0, 200) + "\u2026" : message);
    }
}
