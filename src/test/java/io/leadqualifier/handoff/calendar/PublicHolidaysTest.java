package io.leadqualifier.handoff.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** Public holidays come from Jollyday, by country and subdivision. */
class PublicHolidaysTest {

    @Test
    void frenchHolidaysIncludeEasterMondayAndArmistice() {
        PublicHolidays france = PublicHolidays.of("fr");

        assertThat(france.region()).isEqualTo("FR");
        assertThat(france.contains(LocalDate.of(2026, 4, 6))).isTrue();
        assertThat(france.contains(LocalDate.of(2026, 11, 11))).isTrue();
        assertThat(france.contains(LocalDate.of(2026, 11, 12))).isFalse();
    }

    @Test
    void aSubdivisionAddsItsOwnHolidays() {
        LocalDate epiphany = LocalDate.of(2026, 1, 6);

        assertThat(PublicHolidays.of("DE-BY").contains(epiphany)).isTrue();
        assertThat(PublicHolidays.of("DE").contains(epiphany)).isFalse();
        assertThat(PublicHolidays.of("de-by").region()).isEqualTo("DE-BY");
    }

    @Test
    void observancesDoNotClose() {
        assertThat(PublicHolidays.of("US").contains(LocalDate.of(2026, 2, 14))).isFalse();
        assertThat(PublicHolidays.of("US").contains(LocalDate.of(2026, 11, 26))).isTrue();
    }

    @Test
    void unknownRegionsAreRefusedWithWhatIsKnown() {
        assertThatThrownBy(() -> PublicHolidays.of("XX")).hasMessageContaining("'XX' is not a country with known public holidays");
        assertThatThrownBy(() -> PublicHolidays.of("DE-ZZ")).hasMessageContaining("DE has no subdivision 'ZZ'").hasMessageContaining("BY");
        assertThat(PublicHolidays.of("  ")).isSameAs(PublicHolidays.NONE);
    }
}
