import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * The upload benchmark's second baseline: an HTTP server on loopback that reads every request body
 * to its end and throws it away, then answers 204, so that curl's own ceiling on this machine is
 * measured with the same command line. Usage: java bench/UploadSink.java PORT
 */
public class UploadSink {

    public static void main(String[] args) throws Exception {
        HttpServer server = HttpServer.create(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0])), 16);
        server.createContext("/", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                body.transferTo(OutputStream.nullOutputStream());
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        System.out.println("sink listening on " + args[0]);
    }
}
