package io.leadqualifier.leadfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.leadqualifier.decision.QualifyRequest;
import io.leadqualifier.facts.Seniority;
import io.leadqualifier.facts.SourceKind;
import io.quarkus.test.junit.QuarkusTest;

/** A hand-made CSV and mapping: translations, defaults, activities, the label, and rows that are refused. */
@QuarkusTest
class CsvLeadFileTest {
    static final String MAPPING = """
            name: trade-fair
            leadId: { column: Badge, prefix: "fair-" }
            asOf: { column: Scanned, zone: Europe/Paris }
            idempotencyKey: { column: Badge, prefix: "fair-2026-" }
            label: { column: Outcome, converted: [won] }
            defaults:
              contact.email: visitor@fair.invalid
              company.country: FR
              source.kind: INBOUND
            activities: [EVENT_VISIT]
            columns:
              Email: { field: contact.email }
              Role: { field: contact.seniority, values: { CEO: C_LEVEL, Head of: DIRECTOR, Intern: STUDENT }, otherwise: null }
              Staff: { field: company.employees }
              Land: { field: company.country, values: { Deutschland: DE, Belgique: BE, "?": null } }
              Asked demo: { activity: type, values: { "yes": DEMO_REQUEST, "no": null } }
              Visits: { activity: count, type: WEBSITE_VISIT, max: 3 }
            """;
    static final String CSV = """
            Badge,Scanned,Email,Role,Staff,Land,Asked demo,Visits,Outcome
            101,2026-03-02,claire@acme.fr,Head of,250,,yes,2,won
            102,2026-03-02 15:30,,CEO,40,Deutschland,no,9,lost
            103,2026-03-03T08:00:00Z,bob@example.be,Sales rep,12,Belgique,,,lost
            104,2026-03-03,not-an-email,Intern,5,?,no,0,lost
            105,yesterday,x@y.fr,,,,,,lost
            106,2026-03-03,,,many,Spain,,,lost
            """;

    @Inject
    LeadFiles leadFiles;

    private List<LeadLine> read(String csv) {
        List<LeadLine> lines = new ArrayList<>();
        try (LeadReader reader = leadFiles.csv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                LeadMapping.read(new ByteArrayInputStream(MAPPING.getBytes(StandardCharsets.UTF_8))))) {
            reader.forEachRemaining(lines::add);
        }
        return lines;
    }

    @Test
    void columnsAreTranslatedAndWhatTheFileLacksComesFromTheDefaults() {
        LeadLine.Lead claire = (LeadLine.Lead) read(CSV).get(0);
        QualifyRequest request = claire.request();
        assertThat(claire.line()).isEqualTo(2);
        assertThat(request.leadId()).isEqualTo("fair-101");
        assertThat(request.asOf()).isEqualTo(Instant.parse("2026-03-01T23:00:00Z"));
        assertThat(request.contact().email()).isEqualTo("claire@acme.fr");
        assertThat(request.contact().seniority()).isEqualTo(Seniority.DIRECTOR);
        assertThat(request.company().employees()).isEqualTo(250);
        assertThat(request.company().country()).isEqualTo("FR");
        assertThat(request.source().kind()).isEqualTo(SourceKind.INBOUND);
        assertThat(request.activities()).extracting(QualifyRequest.Activity::type)
                .containsExactly("DEMO_REQUEST", "WEBSITE_VISIT", "WEBSITE_VISIT", "EVENT_VISIT");
        assertThat(request.activities()).allSatisfy(activity -> assertThat(activity.at()).isEqualTo(request.asOf()));
        assertThat(claire.idempotencyKey()).isEqualTo("fair-2026-101");
        assertThat(claire.converted()).isTrue();
    }

    @Test
    void unlistedValuesFollowTheColumnsOtherwise() {
        List<LeadLine> lines = read(CSV);
        QualifyRequest ceo = ((LeadLine.Lead) lines.get(1)).request();
        assertThat(ceo.contact().email()).as("a blank cell keeps the default").isEqualTo("visitor@fair.invalid");
        assertThat(ceo.contact().seniority()).isEqualTo(Seniority.C_LEVEL);
        assertThat(ceo.company().country()).isEqualTo("DE");
        assertThat(ceo.asOf()).isEqualTo(Instant.parse("2026-03-02T14:30:00Z"));
        assertThat(ceo.activities()).extracting(QualifyRequest.Activity::type).as("visits capped at the column's max")
                .containsExactly("WEBSITE_VISIT", "WEBSITE_VISIT", "WEBSITE_VISIT", "EVENT_VISIT");
        assertThat(((LeadLine.Lead) lines.get(1)).converted()).isFalse();
        QualifyRequest rep = ((LeadLine.Lead) lines.get(2)).request();
        assertThat(rep.contact().seniority()).as("otherwise: null drops an unlisted role").isEqualTo(Seniority.UNKNOWN);
        assertThat(rep.company().country()).isEqualTo("BE");
        assertThat(rep.asOf()).isEqualTo(Instant.parse("2026-03-03T08:00:00Z"));
    }

    @Test
    void aRowThatBreaksARuleIsRefusedNamingTheFieldAndTheColumn() {
        List<LeadLine> lines = read(CSV);
        assertThat(lines).hasSize(6);
        LeadLine.Refused badEmail = (LeadLine.Refused) lines.get(3);
        assertThat(badEmail.line()).isEqualTo(5);
        assertThat(badEmail.problem().status()).isEqualTo(400);
        assertThat(badEmail.problem().errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("contact.email");
            assertThat(error.message()).contains("valid email").contains("column 'Email': 'not-an-email'");
        });
        LeadLine.Refused badDate = (LeadLine.Refused) lines.get(4);
        assertThat(badDate.problem().errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("asOf");
            assertThat(error.message()).contains("'yesterday'");
        });
        LeadLine.Refused badNumber = (LeadLine.Refused) lines.get(5);
        assertThat(badNumber.line()).isEqualTo(7);
        assertThat(badNumber.problem().errors()).extracting(error -> error.field()).containsExactly("company.employees");
        assertThat(badNumber.problem().errors().get(0).message()).contains("column 'Staff': 'many'");
    }

    @Test
    void aHeaderWithoutTheMappedColumnsIsRefusedBeforeAnyRow() {
        assertThatThrownBy(() -> read("Badge,Email\n1,a@b.fr\n")).isInstanceOf(LeadFileException.class)
                .hasMessageContaining("Scanned").hasMessageContaining("Visits");
    }
}
