package io.leadqualifier.leadfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Mappings are read strictly: a mistake names its key instead of leaving a field silently empty. */
class LeadMappingTest {

    private static LeadMapping read(String yaml) {
        return LeadMapping.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsColumnsTranslationsDefaultsAndLabel() {
        LeadMapping mapping = read("""
                name: fair
                leadId: { column: Id, prefix: "fair-" }
                asOf: { fixed: "2026-03-01T09:00:00Z" }
                label: { column: Won, converted: ["yes", "Y"] }
                defaults: { contact.email: visitor@fair.invalid }
                activities: [EVENT_VISIT]
                columns:
                  Country: { field: company.country, values: { France: FR }, otherwise: null }
                """);
        assertThat(mapping.name()).isEqualTo("fair");
        assertThat(mapping.asOf().fixed()).isEqualTo(Instant.parse("2026-03-01T09:00:00Z"));
        assertThat(mapping.label().converted()).containsExactlyInAnyOrder("yes", "Y");
        assertThat(mapping.defaults().at("/contact/email").asText()).isEqualTo("visitor@fair.invalid");
        assertThat(mapping.activities()).containsExactly("EVENT_VISIT");
        LeadMapping.Column country = mapping.columns().get(0);
        assertThat(country.translate("France").asText()).isEqualTo("FR");
        assertThat(country.translate("Atlantis")).isNull();
        assertThat(country.translate("")).isNull();
        assertThat(mapping.columnsRead()).containsExactlyInAnyOrder("Id", "Won", "Country");
    }

    @Test
    void unlistedValuesPassThroughWhenNoOtherwiseIsGiven() {
        LeadMapping mapping = read("""
                name: t
                leadId: { column: Id }
                asOf: { column: Day, zone: Europe/Paris }
                columns:
                  Channel: { field: source.channel, values: { g: GOOGLE } }
                """);
        assertThat(mapping.columns().get(0).translate(" webinar ").asText()).isEqualTo("webinar");
        assertThat(mapping.columns().get(0).translate("g").asText()).isEqualTo("GOOGLE");
    }

    @Test
    void aFieldTheRequestDoesNotHaveIsRefusedWithItsKey() {
        assertThatThrownBy(() -> read("""
                name: t
                leadId: { column: Id }
                asOf: { fixed: "2026-03-01T09:00:00Z" }
                columns:
                  Size: { field: company.headcount }
                """)).isInstanceOf(LeadFileException.class).hasMessageContaining("columns.Size.field")
                .hasMessageContaining("company.headcount");
    }

    @Test
    void aMisspelledKeyIsRefused() {
        assertThatThrownBy(() -> read("""
                name: t
                leadId: { column: Id }
                asOf: { fixed: "2026-03-01T09:00:00Z" }
                columns:
                  Country: { field: company.country, value: { France: FR } }
                """)).isInstanceOf(LeadFileException.class).hasMessageContaining("columns.Country.value ");
    }

    @Test
    void asOfNeverDefaultsToTheClock() {
        assertThatThrownBy(() -> read("""
                name: t
                leadId: { column: Id }
                """)).isInstanceOf(LeadFileException.class).hasMessageContaining("asOf is required");
    }

    @Test
    void theShippedMappingsAreAddressableByName() {
        assertThat(LeadMappings.named("x-education")).get().extracting(LeadMapping::name).isEqualTo("x-education");
        assertThat(LeadMappings.named("olist").orElseThrow().label().listedIn().file()).isEqualTo("olist_closed_deals_dataset.csv");
        assertThat(LeadMappings.named("salesforce")).isEmpty();
    }
}
