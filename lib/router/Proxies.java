import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The proxy settings of the environment, read as curl and the Hugging Face libraries read them (java.net.http
 * reads none of them by itself): {@code https_proxy}/{@code HTTPS_PROXY} for https URLs, {@code http_proxy}/
 * {@code HTTP_PROXY} for http ones, the lower-case name first; {@code no_proxy}/{@code NO_PROXY} lists the hosts
 * reached directly: {@code *} for all, a name for itself and its subdomains ({@code example.com} and
 * {@code .example.com} alike), an IP address or a CIDR block, each with an optional {@code :port} that limits
 * the rule to that port. A proxy's user and password ({@code http://user:pass@host:port}) are used only to
 * answer that proxy, and never shown: a proxy is named by host, port and variable.
 */
final class Proxies extends ProxySelector {
    // java.net.Proxy by its full name: the bundles put all imports of a script together, and Signals imports
    // java.lang.reflect.Proxy.
    /** One proxy setting: where it is, which variable gave it, and its credentials (or null). */
    record Setting(String host, int port, String variable, String user, String password) {
        /** {@code the proxy proxy.example:3128 (HTTPS_PROXY)}: how messages name it, without its credentials. */
        String named() { return "the proxy " + host + ":" + port + " (" + variable + ")"; }

        /** What a 407 from this proxy means, in one line. */
        String refusedLogin() {
            return user == null ? named() + " asks for a user and password (407): give them in " + variable
                    + " as http://USER:PASSWORD@" + host + ":" + port
                    : named() + " refused the user and password in " + variable + " (407)";
        }

        /** The Proxy-Authorization value of the user and password. */
        String basicLogin() {
            return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":"
                    + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    static final Proxies NONE = new Proxies(null, null, List.of());

    private final Setting https;
    private final Setting http;
    private final List<String> noProxy;

    Proxies(Setting https, Setting http, List<String> noProxy) {
        this.https = https;
        this.http = http;
        this.noProxy = noProxy;
    }

    /** The settings of {@code env}'s process environment; a malformed one fails naming its variable. */
    static Proxies of(Env env) {
        Setting https = setting(env, "https_proxy", "HTTPS_PROXY");
        Setting http = setting(env, "http_proxy", "HTTP_PROXY");
        if (https == null && http == null) return NONE;
        String no = named(env, "no_proxy", "NO_PROXY");
        List<String> rules = new ArrayList<>();
        if (no != null) {
            for (String rule : env.process(no).split(",")) {
                if (!rule.isBlank()) rules.add(rule.strip().toLowerCase(Locale.ROOT));
            }
        }
        return new Proxies(https, http, rules);
    }

    /** The variable that holds the setting, the lower-case name first; null when neither holds one. */
    private static String named(Env env, String lower, String upper) {
        for (String name : new String[] {lower, upper}) if (env.process(name) != null
                && !env.process(name).isBlank()) return name;
        return null;
    }

    private static Setting setting(Env env, String lower, String upper) {
        String variable = named(env, lower, upper);
        if (variable == null) return null;
        String value = env.process(variable);
        URI uri;
        try {
            // "host:3128" is read as curl reads it: http://host:3128.
            uri = new URI(value.contains("://") ? value.strip() : "http://" + value.strip());
        } catch (java.net.URISyntaxException e) {
            throw new Cli.Failure(variable + " is not a proxy URL (http://[user:password@]host:port)");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http")) throw new Cli.Failure(variable + ": only http:// proxies are supported, not "
                + scheme + "://");
        if (uri.getHost() == null) throw new Cli.Failure(variable
                + " is not a proxy URL (http://[user:password@]host:port)");
        String user = null, password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = java.net.URLDecoder.decode(parts[0], java.nio.charset.StandardCharsets.UTF_8);
            password = parts.length > 1 ? java.net.URLDecoder.decode(parts[1], java.nio.charset.StandardCharsets.UTF_8)
                    : "";
            Running.secret(password);
        }
        if (uri.getPort() > 65535) throw new Cli.Failure(variable + ": " + uri.getPort()
                + " is not a port (1 to 65535)");
        return new Setting(uri.getHost(), uri.getPort() < 0 ? 1080 : uri.getPort(), variable, user, password);
    }

    /**
     * Refuses, before anything is sent, what this JDK cannot do for requests to {@code base}: before JDK 24 a client
     * with a proxy login for https drops every request's token (JDK-8326949). A router the https proxy is not used
     * for (plain http, loopback, NO_PROXY) is not refused for it.
     */
    void checkUsableFor(URI base) {
        Setting s = settingFor(base);
        if (s != null && s == https && s.user() != null && Runtime.version().feature() < 24) {
            throw new Cli.Failure(s.variable()
                    + ": a proxy login for https needs Java 24 or later (before it, the JDK drops the token"
                    + " of any request made with one: JDK-8326949); use a proxy without a login, or a newer Java");
        }
    }

    /**
     * Whether {@code host} is this machine: {@code localhost} (and names under it), 127.0.0.0/8 and ::1, written
     * any way. Loopback never goes through a proxy, as curl, Go and Python do it: the proxy cannot reach our
     * loopback, and a token for a local gateway must not travel to it.
     */
    static boolean loopback(String host) {
        if (host == null) return false;
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
        if (h.equals("localhost") || h.endsWith(".localhost")) return true;
        byte[] a = literal(h);
        if (a == null) return false;
        if (a.length == 4) return a[0] == 127;
        for (int i = 0; i < 15; i++) if (a[i] != 0) return false;
        return a[15] == 1;
    }

    boolean any() { return https != null || http != null; }

    /** The setting of the proxy at {@code host:port}, or null. */
    Setting named(String host, int port) {
        for (Setting s : new Setting[] {https, http}) if (s != null && s.host().equalsIgnoreCase(host)
                && s.port() == port) return s;
        return null;
    }


    /** The proxy a request to {@code uri} goes through, or null when it goes directly. */
    Setting settingFor(URI uri) {
        Setting s = "https".equalsIgnoreCase(uri.getScheme()) ? https : http;
        if (s == null || loopback(uri.getHost()) || bypassed(uri)) return null;
        return s;
    }

    @Override
    public List<java.net.Proxy> select(URI uri) {
        Setting s = settingFor(uri);
        return List.of(s == null ? java.net.Proxy.NO_PROXY : new java.net.Proxy(java.net.Proxy.Type.HTTP,
                InetSocketAddress.createUnresolved(s.host(), s.port())));
    }

    @Override
    public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        // RouterClient names the proxy in its own message.
    }

    /** Whether NO_PROXY sends {@code uri} directly. */
    boolean bypassed(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        for (String rule : noProxy) if (matches(rule, host, port)) return true;
        return false;
    }

    /**
     * One NO_PROXY entry against a host and port: {@code *}, a domain, an address, a CIDR block, each with an optional
     * port.
     */
    static boolean matches(String rule, String host, int port) {
        if (rule.equals("*")) return true;
        String name = rule;
        int colon = rule.lastIndexOf(':');
        // "host:port" and "[v6]:port"; a bare IPv6 address has more than one colon and no brackets.
        if (colon > 0 && rule.indexOf(':') == colon || rule.startsWith("[") && rule.contains("]:")) {
            String p = rule.substring(colon + 1);
            if (!p.matches("[0-9]{1,5}") || Integer.parseInt(p) != port) return false;
            name = rule.substring(0, colon);
        }
        if (name.startsWith("[") && name.endsWith("]")) name = name.substring(1, name.length() - 1);
        if (name.startsWith("*.")) name = name.substring(1);
        if (name.startsWith(".")) name = name.substring(1);
        if (name.isEmpty()) return false;
        if (name.contains("/")) return inBlock(name, host);
        // Addresses as addresses: 0:0:0:0:0:0:0:1 is ::1.
        byte[] address = literal(host), ruled = literal(name);
        if (address != null && ruled != null) return java.util.Arrays.equals(address, ruled);
        return host.equals(name) || host.endsWith("." + name);
    }

    /** Whether the address {@code host} lies in the CIDR block {@code block} (a name never does). */
    private static boolean inBlock(String block, String host) {
        byte[] address = literal(host), network = literal(block.substring(0, block.indexOf('/')));
        if (address == null || network == null || address.length != network.length) return false;
        int bits;
        try {
            bits = Integer.parseInt(block.substring(block.indexOf('/') + 1));
        } catch (NumberFormatException e) {
            return false;
        }
        if (bits < 0 || bits > address.length * 8) return false;
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >> (i % 8);
            if ((address[i / 8] & mask) != (network[i / 8] & mask)) return false;
        }
        return true;
    }

    /** The bytes of an IP address literal, or null for a name (never a DNS lookup). */
    private static byte[] literal(String text) {
        if (text.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}") || (text.contains(":") && text.matches("[0-9a-fA-F:.]+"))) {
            try {
                return java.net.InetAddress.getByName(text).getAddress();
            } catch (java.net.UnknownHostException e) {
                return null;
            }
        }
        return null;
    }
}
