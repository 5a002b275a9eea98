package io.leadqualifier.leadfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.leadqualifier.decision.QualifyRequest;
import io.leadqualifier.facts.Seniority;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The shipped mappings on the real public datasets (not in the repository: {@code ../shared/datasets} next to the
 * project, or {@code /work/shared/datasets}). Skipped, saying so, where they are absent.
 */
@QuarkusTest
class DatasetMappingsTest {
    @Inject
    LeadFiles leadFiles;

    static Path dataset(String folder, String file) {
        for (Path root : List.of(Path.of("../shared/datasets"), Path.of("/work/shared/datasets"))) {
            Path candidate = root.resolve(folder).resolve(file);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        assumeTrue(false, "Dataset " + folder + "/" + file + " is absent (expected in ../shared/datasets): test skipped");
        return null;
    }

    private List<LeadLine> readAll(Path file, String mapping) {
        List<LeadLine> lines = new ArrayList<>();
        try (LeadReader reader = leadFiles.open(file, LeadMappings.named(mapping).orElseThrow())) {
            reader.forEachRemaining(lines::add);
        }
        return lines;
    }

    @Test
    void everyXEducationLeadMapsWithItsLabel() {
        List<LeadLine> lines = readAll(dataset("x-education-leads", "Leads.csv"), "x-education");
        assertThat(lines.stream().filter(LeadLine.Refused.class::isInstance)).as("refused rows").isEmpty();
        List<LeadLine.Lead> leads = lines.stream().map(LeadLine.Lead.class::cast).toList();
        assertThat(leads).hasSize(9240);
        assertThat(leads.stream().filter(lead -> lead.converted()).count()).isEqualTo(3561);
        assertThat(leads.stream().map(lead -> lead.request().leadId()).collect(Collectors.toSet())).hasSize(9240);
        assertThat(leads.stream().filter(lead -> lead.request().contact().seniority() == Seniority.STUDENT).count()).isEqualTo(210);
        assertThat(leads.stream().flatMap(lead -> lead.request().activities().stream()).map(QualifyRequest.Activity::type)
                .collect(Collectors.toSet())).contains("EMAIL_OPEN", "WEBSITE_VISIT", "CONTENT_DOWNLOAD", "CONTACT_REQUEST")
                .allSatisfy(type -> assertThat(type).matches("[A-Z_]+"));
        assertThat(leads.get(1).line()).isEqualTo(3);
    }

    @Test
    void theRawXEducationFileWithItsTrailingCommaMapsTheSame() {
        List<LeadLine> lines = readAll(dataset("x-education-leads", "Leads.raw.csv"), "x-education");
        assertThat(lines).hasSize(9240).allMatch(LeadLine.Lead.class::isInstance);
    }

    @Test
    void everyOlistLeadMapsAndTheClosedDealsAreItsLabel() {
        List<LeadLine> lines = readAll(dataset("olist-marketing-funnel", "olist_marketing_qualified_leads_dataset.csv"), "olist");
        assertThat(lines.stream().filter(LeadLine.Refused.class::isInstance)).as("refused rows").isEmpty();
        List<LeadLine.Lead> leads = lines.stream().map(LeadLine.Lead.class::cast).toList();
        assertThat(leads).hasSize(8000);
        assertThat(leads.stream().filter(LeadLine.Lead::converted).count()).isEqualTo(842);
        assertThat(leads).allSatisfy(lead -> {
            assertThat(lead.request().company().country()).isEqualTo("BR");
            assertThat(lead.request().activities()).extracting(QualifyRequest.Activity::type).containsExactly("CONTACT_REQUEST");
        });
        Set<String> channels = leads.stream().map(lead -> lead.request().source().channel()).collect(Collectors.toSet());
        assertThat(channels).contains("ORGANIC_SEARCH", "PAID_SEARCH", null);
    }

    @Test
    void theRawOlistFileWithSpreadsheetDatesIsRefusedRowByRowNamingTheColumn() {
        // The raw copy has dd-mm-yyyy dates written by a spreadsheet: every row is counted as a problem, none is guessed.
        List<LeadLine> lines = readAll(dataset("olist-marketing-funnel", "olist_marketing_qualified_leads_dataset.raw.csv"), "olist");
        assertThat(lines).hasSize(8000).allSatisfy(line -> assertThat(((LeadLine.Refused) line).problem().errors().get(0).message())
                .contains("column 'first_contact_date'"));
    }
}
