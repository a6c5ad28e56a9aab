import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A small HTTP proxy on loopback, as a user's would be: forwards plain-http requests in absolute form
 * ({@code GET http://host:port/path}) and opens {@code CONNECT host:port} tunnels; remembers the request line
 * of each (and whether it carried a Proxy-Authorization); with {@link #demandLogin}, answers 407 to any
 * request without the expected login. One connection, one request: it closes after each answer.
 */
final class FakeProxy implements AutoCloseable {
    private final ServerSocket server;
    private final List<String> seen = new ArrayList<>();
    private volatile String login;

    FakeProxy() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Thread t = new Thread(() -> serve(client), "fake-proxy-connection");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        }, "fake-proxy");
        accept.setDaemon(true);
        accept.start();
    }

    /** {@code http://127.0.0.1:PORT}, as HTTPS_PROXY would hold it. */
    String url() { return "http://127.0.0.1:" + server.getLocalPort(); }

    int port() { return server.getLocalPort(); }

    /** Answers 407 unless a request carries {@code Proxy-Authorization: Basic base64(userAndPassword)}. */
    private volatile boolean fakesTunnels;

    /** From now on, answers a CONNECT with 200 and then plain text of its own: a tunnel to nowhere. */
    FakeProxy fakeTunnels() {
        fakesTunnels = true;
        return this;
    }

    FakeProxy demandLogin(String userAndPassword) {
        login = "Basic " + java.util.Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** The request lines it was sent, in order ({@code GET http://127.0.0.1:1234/v1/models}). */
    synchronized List<String> seen() { return List.copyOf(seen); }

    private synchronized void saw(String line) { seen.add(line); }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            List<String> head = readHead(in);
            if (head.isEmpty()) return;
            String requestLine = head.get(0);
            String authorization = null;
            for (String h : head) if (h.toLowerCase(java.util.Locale.ROOT).startsWith("proxy-authorization:")) authorization = h.substring(20).strip();
            saw(requestLine);
            if (login != null && !login.equals(authorization)) {
                out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\n"
                        + "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                return;
            }
            String[] parts = requestLine.split(" ");
            if (parts[0].equals("CONNECT") && fakesTunnels) {
                // Says the tunnel is open, then answers itself, in plain text: what a captive portal does.
                out.write("HTTP/1.1 200 Connection established\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                return;
            }
            if (parts[0].equals("CONNECT")) {
                String[] hostPort = parts[1].split(":");
                Socket target;
                try {
                    target = new Socket(reach(hostPort[0]), Integer.parseInt(hostPort[1]));
                } catch (IOException e) {
                    out.write("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    return;
                }
                out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                relay(client, target, in, out);
                return;
            }
            java.net.URI uri = java.net.URI.create(parts[1]);
            try (Socket target = new Socket(reach(uri.getHost()), uri.getPort())) {
                StringBuilder forwarded = new StringBuilder(parts[0] + " " + uri.getRawPath()
                        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()) + " " + parts[2] + "\r\n");
                for (String h : head.subList(1, head.size())) {
                    String name = h.toLowerCase(java.util.Locale.ROOT);
                    if (!name.startsWith("proxy-")
                            && !name.startsWith("connection:")) forwarded.append(h).append("\r\n");
                }
                forwarded.append("Connection: close\r\n\r\n");
                target.getOutputStream().write(forwarded.toString().getBytes(StandardCharsets.ISO_8859_1));
                target.getOutputStream().flush();
                relay(client, target, in, out);
            }
        } catch (IOException e) {
            // a client or target that went away: nothing to report
        }
    }

    /** Copies both ways until the target closes, then closes both. */
    private static void relay(Socket client, Socket target, InputStream in, OutputStream out) throws IOException {
        Thread up = new Thread(() -> {
            try {
                in.transferTo(target.getOutputStream());
            } catch (IOException e) {
                // the other side closed
            }
        }, "fake-proxy-up");
        up.setDaemon(true);
        up.start();
        try (target) {
            target.getInputStream().transferTo(out);
            out.flush();
        }
        client.shutdownOutput();
    }

    /** The request line and headers, up to the blank line, read byte by byte (the body stays in the stream). */
    private static List<String> readHead(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1).replaceFirst("\r$", "");
                if (text.isEmpty()) return lines;
                lines.add(text);
                line.reset();
            } else {
                line.write(b);
            }
        }
        return lines;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    /**
     * The test's stand-in for DNS: {@link #HOST} (not loopback to us, so requests to it go through a proxy) is
     * 127.0.0.1.
     */
    static final String HOST = "router.proxied.test";

    private static String reach(String host) { return host.equals(HOST) ? "127.0.0.1" : host; }
}
