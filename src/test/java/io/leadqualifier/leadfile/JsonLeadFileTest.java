package io.leadqualifier.leadfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** NDJSON and JSON arrays: each line is read as POST /api/v1/qualify reads its body, and a bad line stops only itself. */
@QuarkusTest
class JsonLeadFileTest {
    static final String GOOD = """
            {"leadId":"nd-1","asOf":"2026-11-22T10:00:00Z","contact":{"email":"a@acme.fr"},"idempotencyKey":"key-1"}""";

    @Inject
    LeadFiles leadFiles;

    private List<LeadLine> read(InputStream in) {
        List<LeadLine> lines = new ArrayList<>();
        try (LeadReader reader = leadFiles.json(in)) {
            reader.forEachRemaining(lines::add);
        }
        return lines;
    }

    private List<LeadLine> read(String text) {
        return read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void badLinesGetTheirOwnProblemAndTheLinesAfterThemAreRead() {
        List<LeadLine> lines = read(GOOD + "\n"
                + "{\"leadId\":\"nd-2\",\"contact\":{\"email\":\n"
                + "\n"
                + "{\"leadId\":\"nd-3\",\"contact\":{\"email\":\"not-an-email\"}}\n"
                + "{\"leadId\":\"nd-4\",\"contact\":{\"email\":\"d@acme.fr\"},\"company\":{\"employees\":\"many\"}}\n"
                + "{\"leadId\":\"nd-5\",\"contact\":{\"email\":\"e@acme.fr\"},\"idempotencyKey\":\"has space\"}\n"
                + "[1,2]\n"
                + "{\"leadId\":\"nd-6\",\"contact\":{\"email\":\"f@acme.fr\"}}");
        assertThat(lines).extracting(LeadLine::line).containsExactly(1L, 2L, 4L, 5L, 6L, 7L, 8L);
        LeadLine.Lead first = (LeadLine.Lead) lines.get(0);
        assertThat(first.request().leadId()).isEqualTo("nd-1");
        assertThat(first.idempotencyKey()).isEqualTo("key-1");
        assertThat(first.converted()).isNull();
        assertThat(((LeadLine.Refused) lines.get(1)).problem().type()).isEqualTo("urn:lead-qualifier:problem:malformed-json");
        assertThat(((LeadLine.Refused) lines.get(2)).problem().errors()).extracting(e -> e.field()).containsExactly("contact.email");
        assertThat(((LeadLine.Refused) lines.get(3)).problem().errors()).extracting(e -> e.field()).containsExactly("company.employees");
        assertThat(((LeadLine.Refused) lines.get(4)).problem().errors()).extracting(e -> e.field()).containsExactly("idempotencyKey");
        assertThat(((LeadLine.Refused) lines.get(5)).problem().errors()).extracting(e -> e.message()).containsExactly("must be a JSON object");
        LeadLine.Lead last = (LeadLine.Lead) lines.get(6);
        assertThat(last.request().asOf()).as("asOf left to the service, as in a single request").isNull();
        assertThat(last.idempotencyKey()).isNull();
    }

    @Test
    void aJsonArrayIsReadElementByElement() {
        List<LeadLine> lines = read("  [" + GOOD + ",\n {\"leadId\":\"a 2\",\"contact\":{\"email\":\"b@acme.fr\"}}, "
                + GOOD.replace("nd-1", "nd-3") + "]");
        assertThat(lines).extracting(LeadLine::line).containsExactly(1L, 2L, 3L);
        assertThat(lines.get(1)).isInstanceOf(LeadLine.Refused.class);
        assertThat(((LeadLine.Lead) lines.get(2)).request().leadId()).isEqualTo("nd-3");
    }

    @Test
    void malformedJsonEndsAnArrayWithItsProblem() {
        List<LeadLine> lines = read("[" + GOOD + ", {\"leadId\": }, " + GOOD + "]");
        assertThat(lines).hasSize(2);
        assertThat(((LeadLine.Refused) lines.get(1)).problem().type()).isEqualTo("urn:lead-qualifier:problem:malformed-json");
    }

    @Test
    void aLineOverTheLimitIsRefusedWithoutBeingHeld() {
        InputStream huge = new InputStream() {
            private long left = LeadFiles.MAX_LINE_BYTES + 1_000L;

            @Override
            public int read() {
                return left-- > 0 ? ' ' : -1;
            }
        };
        List<LeadLine> lines = read(new SequenceInputStream(new ByteArrayInputStream((GOOD + "\n{").getBytes(StandardCharsets.UTF_8)),
                new SequenceInputStream(huge, new ByteArrayInputStream(("}\n" + GOOD).getBytes(StandardCharsets.UTF_8)))));
        assertThat(lines).extracting(LeadLine::line).containsExactly(1L, 2L, 3L);
        assertThat(((LeadLine.Refused) lines.get(1)).problem().errors().get(0).message()).contains("longer than");
        assertThat(lines.get(2)).isInstanceOf(LeadLine.Lead.class);
    }

    @Test
    void linesAreFoundWhateverPiecesTheInputArrivesIn() {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 3_000; i++) {
            text.append(GOOD.replace("nd-1", "nd-" + i).replace("key-1", "key-" + i)).append(i % 3 == 0 ? "\r\n\n" : "\n");
        }
        byte[] bytes = text.toString().strip().getBytes(StandardCharsets.UTF_8); // the last line has no end of line
        InputStream trickle = new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] into, int offset, int length) {
                return super.read(into, offset, Math.min(length, 7)); // as a slow client sends: a few bytes at a time
            }
        };
        List<LeadLine> lines = read(trickle);
        assertThat(lines).hasSize(3_000).allMatch(LeadLine.Lead.class::isInstance);
        assertThat(((LeadLine.Lead) lines.get(2_999)).request().leadId()).isEqualTo("nd-3000");
        assertThat(((LeadLine.Lead) lines.get(2_999)).idempotencyKey()).isEqualTo("key-3000");
        assertThat(lines.get(3).line()).isEqualTo(5L); // a blank line counts as a line of the file
    }
}
