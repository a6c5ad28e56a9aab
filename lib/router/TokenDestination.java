import java.net.URI;
import java.util.Locale;

/**
 * Where the Hugging Face token may be sent. Freely: to Hugging Face's own hosts ({@code huggingface.co},
 * {@code hf.co} and their subdomains, the router among them) over https, to loopback (a local gateway, a test
 * double), and to the host the config names in {@code models.providers.huggingface.baseUrl}. Anywhere else
 * (an {@code HF_ROUTER_URL} or {@code HF_ENDPOINT} that points elsewhere) it is sent with a warning, once.
 * Never over plain http to a host that is not loopback, unless {@code HF_ALLOW_HTTP_TOKEN=1} says so: then
 * nothing is sent at all, and every request fails saying why.
 */
final class TokenDestination {
    static final String ALLOW_HTTP = "HF_ALLOW_HTTP_TOKEN";

    /**
     * What to do with the token for one base URL: send {@code token} (may be null), and print {@code warning} if set.
     */
    record Verdict(Token token, String warning, String refusal) { }

    private TokenDestination() { }

    /**
     * The verdict for {@code url}; {@code configured}: the config's baseUrl or null; {@code named}: what set the
     * URL, for messages ({@code HF_ROUTER_URL}); {@code allowHttp}: the opt-in.
     */
    static Verdict of(Token token, String url, String configured, String named, boolean allowHttp) {
        if (token == null) return new Verdict(null, null, null);
        if (token.problem() != null) return new Verdict(null, null, token.problem());
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return new Verdict(null, null, null);   // the request itself will fail, naming the URL
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (loopback(host)) return new Verdict(token, null, null);
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !allowHttp) {
            return new Verdict(null, null, "refusing to send your Hugging Face token over plain http to " + host
                    + "; use https, or set " + ALLOW_HTTP + "=1 to allow it");
        }
        if (huggingFace(host) || (configured != null && host.equals(hostOf(configured)))) return new Verdict(token,
                null, null);
        return new Verdict(token, "sending your Hugging Face token to " + host + " (" + named
                + "), which is not a Hugging Face host", null);
    }

    /**
     * {@code localhost}, an IPv4 address in 127.0.0.0/8 (digits only: {@code 127.example.com} is not), or {@code ::1}.
     */
    static boolean loopback(String host) {
        if (host.equals("localhost") || host.equals("::1") || host.equals("[::1]")) return true;
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals("127")) return false;
        for (String part : parts) if (part.isEmpty() || part.length() > 3
                || !part.chars().allMatch(Character::isDigit)) return false;
        return true;
    }

    static boolean huggingFace(String host) {
        return host.equals("huggingface.co") || host.endsWith(".huggingface.co") || host.equals("hf.co")
                || host.endsWith(".hf.co");
    }

    private static String hostOf(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? "" : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
