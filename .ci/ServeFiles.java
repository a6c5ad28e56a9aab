// Serves a folder over HTTP on loopback, for CI's check that `jbang models@<catalog URL>` resolves
// //SOURCES and //FILES over a URL, as `jbang models@openclaw` must.
//
//   java .ci/ServeFiles.java ROOT PORT_FILE [SECONDS]
//
// Binds 127.0.0.1 on a free port, writes the port to PORT_FILE, logs each request to stderr, and stops
// by itself after SECONDS (default 600) so that a failed run never leaves it behind.
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

public class ServeFiles {
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            Path file = root.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            boolean ok = file.startsWith(root) && Files.isRegularFile(file);
            byte[] body = ok ? Files.readAllBytes(file) : "not found\n".getBytes();
            System.err.println("[serve] " + exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + (ok ? 200 : 404));
            exchange.sendResponseHeaders(ok ? 200 : 404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        Files.writeString(Path.of(args[1]), Integer.toString(server.getAddress().getPort()));
        Thread.sleep(1000L * (args.length > 2 ? Integer.parseInt(args[2]) : 600));
        server.stop(0);
    }
}
