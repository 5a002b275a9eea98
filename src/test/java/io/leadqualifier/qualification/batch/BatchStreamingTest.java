package io.leadqualifier.qualification.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadqualifier.security.Roles;
import io.leadqualifier.security.TestCredentials;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A batch far larger than any body the service would hold, generated while it is sent (chunked, over a plain socket so
 * that sending and reading are under the test's control): answers come back while the input is still being sent.
 */
@QuarkusTest
class BatchStreamingTest {
    private static final int LINES = 100_000;
    private static final int SENT_BEFORE_WAITING = 1_000;

    @Test
    void aLargeBatchIsAnsweredWhileItIsStillBeingSent() throws Exception {
        int port = ConfigProvider.getConfig().getOptionalValue("quarkus.http.test-port", Integer.class).orElse(8081);
        String credentials = Base64.getEncoder().encodeToString(("crm:" + TestCredentials.secret(Roles.CRM)).getBytes(StandardCharsets.UTF_8));
        CountDownLatch firstAnswer = new CountDownLatch(1);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(120_000);
            CompletableFuture<JsonNode> summary = CompletableFuture.supplyAsync(() -> readAnswers(socket, firstAnswer));
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/qualify/batch?record=false&progressEvery=0 HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Basic " + credentials + "\r\nContent-Type: application/x-ndjson\r\n"
                    + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            send(out, 1, SENT_BEFORE_WAITING);
            assertThat(firstAnswer.await(60, TimeUnit.SECONDS)).as("the first answer arrives before the rest of the input is sent")
                    .isTrue();
            send(out, SENT_BEFORE_WAITING + 1, LINES);
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            JsonNode done = summary.get(120, TimeUnit.SECONDS);
            assertThat(done.get("lines").asLong()).isEqualTo(LINES);
            assertThat(done.get("decisions").asLong()).isEqualTo(LINES);
            assertThat(done.get("complete").asBoolean()).isTrue();
        }
    }

    /** Lines {@code from..to}, generated as they are sent, in chunks of 500. */
    private static void send(OutputStream out, int from, int to) throws IOException {
        StringBuilder chunk = new StringBuilder();
        for (int i = from; i <= to; i++) {
            chunk.append("{\"leadId\":\"stream-").append(i).append("\",\"asOf\":\"2026-11-22T10:00:00Z\",\"contact\":{\"email\":\"p")
                    .append(i).append("@acme.fr\",\"seniority\":\"MANAGER\"},\"company\":{\"employees\":").append(i % 900)
                    .append("},\"activities\":[{\"type\":\"EMAIL_OPEN\",\"at\":\"2026-11-20T09:00:00Z\"}]}\n");
            if (i % 500 == 0 || i == to) {
                byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
                out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(bytes);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                chunk.setLength(0);
            }
        }
        out.flush();
    }

    /** Reads the chunked answer line by line, keeping only the current line; returns the summary. */
    private static JsonNode readAnswers(Socket socket, CountDownLatch firstAnswer) {
        try {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            String status = readLine(in);
            assertThat(status).startsWith("HTTP/1.1 200");
            while (!readLine(in).isEmpty()) {
                // headers
            }
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            long expected = 1;
            JsonNode summary = null;
            ObjectMapper json = new ObjectMapper();
            for (int size = Integer.parseInt(readLine(in).strip(), 16); size > 0; size = Integer.parseInt(readLine(in).strip(), 16)) {
                for (int i = 0; i < size; i++) {
                    int b = in.read();
                    if (b != '\n') {
                        line.write(b);
                        continue;
                    }
                    JsonNode answer = json.readTree(line.toByteArray());
                    line.reset();
                    if (answer.has("summary")) {
                        summary = answer.get("summary");
                    } else {
                        assertThat(answer.get("line").asLong()).isEqualTo(expected++);
                        firstAnswer.countDown();
                    }
                }
                readLine(in);
            }
            return summary;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b == -1) {
                throw new IOException("The answer ended early");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }
}
