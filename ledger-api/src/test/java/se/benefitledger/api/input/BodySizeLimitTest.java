package se.benefitledger.api.input;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.benefitledger.api.support.LedgerApiTest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Bodies above {@code ledger.http.max-body} (32 MB by default) are answered 413 as problem+json, whether or not their length is announced. */
@LedgerApiTest
class BodySizeLimitTest {

    private static final int MAX_BODY = 32 * 1024 * 1024;

    @LocalServerPort
    int port;

    @Test
    void refusesABodyAnnouncedAsLargerThanTheLimitWithoutReadingIt() throws IOException {
        try (var socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(headers("Content-Length: " + (MAX_BODY + 1)).getBytes(StandardCharsets.US_ASCII));
            out.write("{\"municipality\": \"0488\", \"members\": [".getBytes(StandardCharsets.US_ASCII));
            out.flush();

            String response = readResponse(socket.getInputStream());

            assertThat(response).startsWith("HTTP/1.1 413");
            assertThat(response).contains("Content-Type: application/problem+json").contains("\"status\":413");
        }
    }

    @Test
    void refusesAChunkedBodyOnceItPassesTheLimit() throws IOException {
        try (var socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(headers("Transfer-Encoding: chunked").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[1024 * 1024];
            Arrays.fill(chunk, (byte) ' ');
            for (int sent = 0; sent <= MAX_BODY; sent += chunk.length) {
                out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();

            String response = readResponse(socket.getInputStream());

            assertThat(response).startsWith("HTTP/1.1 413");
            assertThat(response).contains("Content-Type: application/problem+json").contains("\"status\":413");
        }
    }

    private String headers(String length) {
        String credentials = Base64.getEncoder().encodeToString("nils:secret".getBytes(StandardCharsets.UTF_8));
        return "POST /api/v1/households HTTP/1.1\r\nHost: localhost:" + port + "\r\nAuthorization: Basic " + credentials
                + "\r\nContent-Type: application/json\r\nIdempotency-Key: " + UUID.randomUUID() + "\r\n" + length + "\r\n\r\n";
    }

    /** The status line, headers and as much of the body as arrives before the server closes or 2 s pass. */
    private static String readResponse(InputStream in) throws IOException {
        var response = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int read; (read = in.read(buffer)) != -1; ) {
                response.write(buffer, 0, read);
                if (response.toString(StandardCharsets.UTF_8).contains("}")) {
                    break;
                }
            }
        } catch (IOException closed) {
            // the server may reset the connection after answering; what arrived is the answer
        }
        return response.toString(StandardCharsets.UTF_8);
    }
}
