package io.leadqualifier.handoff.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Business-hours arithmetic: what an SLA clock counts in a Paris team's hours. */
class BusinessCalendarTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** Monday to Friday, 09:00–12:30 and 13:30–18:00, French public holidays, closed on Christmas Eve 2026. */
    private static final BusinessCalendar OFFICE = new BusinessCalendar("Paris", PARIS,
            WeeklyHours.mondayToFriday("09:00-12:30, 13:30-18:00"), PublicHolidays.of("FR"), Set.of(LocalDate.of(2026, 12, 24)));

    private static Instant paris(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(PARIS).toInstant();
    }

    @Test
    void theClockStopsOverTheWeekend() {
        assertThat(OFFICE.plusBusinessHours(paris("2026-11-20T17:00"), Duration.ofHours(2))).isEqualTo(paris("2026-11-23T10:00"));
    }

    @Test
    void theClockStopsOverLunch() {
        assertThat(OFFICE.plusBusinessHours(paris("2026-11-23T11:30"), Duration.ofHours(2))).isEqualTo(paris("2026-11-23T14:30"));
        assertThat(OFFICE.businessTimeBetween(paris("2026-11-23T12:00"), paris("2026-11-23T14:00"))).isEqualTo(Duration.ofMinutes(60));
    }

    @Test
    void aClockThatRunsOutAtClosingTimeEndsThereNotAtTheNextOpening() {
        assertThat(OFFICE.plusBusinessHours(paris("2026-11-20T16:00"), Duration.ofHours(2))).isEqualTo(paris("2026-11-20T18:00"));
    }

    @Test
    void aClockStartedOutsideOpeningHoursStartsAtTheNextOpening() {
        assertThat(OFFICE.plusBusinessHours(paris("2026-11-22T15:00"), Duration.ofHours(1))).isEqualTo(paris("2026-11-23T10:00"));
        assertThat(OFFICE.plusBusinessHours(paris("2026-11-23T07:00"), Duration.ofMinutes(30))).isEqualTo(paris("2026-11-23T09:30"));
        assertThat(OFFICE.nextOpening(paris("2026-11-23T12:45"))).isEqualTo(paris("2026-11-23T13:30"));
    }

    @Test
    void bastilleDayIsNotABusinessDay() {
        assertThat(OFFICE.plusBusinessHours(paris("2026-07-13T17:00"), Duration.ofHours(2))).isEqualTo(paris("2026-07-15T10:00"));
        assertThat(OFFICE.isOpen(paris("2026-07-14T10:00"))).isFalse();
        assertThat(OFFICE.closedBecause(LocalDate.of(2026, 7, 14))).contains("public holiday: National Day");
    }

    @Test
    void labourDayOnAFridayMakesALongWeekend() {
        assertThat(OFFICE.plusBusinessHours(paris("2026-04-30T17:00"), Duration.ofHours(2))).isEqualTo(paris("2026-05-04T10:00"));
    }

    @Test
    void aCompanyClosingDayIsSkippedLikeAHoliday() {
        // 24 December: closing day; 25 December: Christmas; then the weekend.
        assertThat(OFFICE.plusBusinessHours(paris("2026-12-23T17:00"), Duration.ofHours(2))).isEqualTo(paris("2026-12-28T10:00"));
        assertThat(OFFICE.closedBecause(LocalDate.of(2026, 12, 24))).contains("closing day");

        BusinessCalendar withoutClosingDay = new BusinessCalendar("Paris", PARIS, OFFICE.hours(), OFFICE.holidays(), Set.of());
        assertThat(withoutClosingDay.plusBusinessHours(paris("2026-12-23T17:00"), Duration.ofHours(2))).isEqualTo(paris("2026-12-24T10:00"));
    }

    @Test
    void openingHoursStayLocalAcrossTheSpringChange() {
        // Clocks go forward on Sunday 29 March 2026: Friday 17:00 is 16:00 UTC, Monday 10:00 is 08:00 UTC.
        Instant friday = paris("2026-03-27T17:00");
        Instant monday = OFFICE.plusBusinessHours(friday, Duration.ofHours(2));

        assertThat(monday).isEqualTo(Instant.parse("2026-03-30T08:00:00Z")).isEqualTo(paris("2026-03-30T10:00"));
        assertThat(OFFICE.businessTimeBetween(friday, monday)).isEqualTo(Duration.ofHours(2));
        assertThat(OFFICE.plusBusinessDays(paris("2026-03-27T10:00"), 1)).isEqualTo(paris("2026-03-30T10:00"));
    }

    @Test
    void openingHoursStayLocalAcrossTheAutumnChange() {
        // Clocks go back on Sunday 25 October 2026: Friday 17:00 is 15:00 UTC, Monday 10:00 is 09:00 UTC.
        Instant friday = paris("2026-10-23T17:00");
        Instant monday = OFFICE.plusBusinessHours(friday, Duration.ofHours(2));

        assertThat(monday).isEqualTo(Instant.parse("2026-10-26T09:00:00Z")).isEqualTo(paris("2026-10-26T10:00"));
        assertThat(OFFICE.businessTimeBetween(friday, monday)).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void aRoundTheClockDayCountsTheRealHoursOfTheDayTheClocksChange() {
        Map<DayOfWeek, List<OpeningHours>> always = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            always.put(day, WeeklyHours.parseDay("00:00-24:00"));
        }
        BusinessCalendar support = new BusinessCalendar("Support", PARIS, WeeklyHours.of(always), PublicHolidays.NONE, Set.of());

        assertThat(support.businessTimeBetween(paris("2026-03-29T00:00"), paris("2026-03-30T00:00"))).isEqualTo(Duration.ofHours(23));
        assertThat(support.businessTimeBetween(paris("2026-10-25T00:00"), paris("2026-10-26T00:00"))).isEqualTo(Duration.ofHours(25));
        assertThat(support.plusBusinessHours(paris("2026-03-28T12:00"), Duration.ofHours(24))).isEqualTo(paris("2026-03-29T13:00"));
    }

    @Test
    void businessDaysKeepTheLocalTimeAndSkipHolidays() {
        // Friday 10 July + 2 business days: Monday 13 (1), Tuesday 14 is Bastille Day, Wednesday 15 (2).
        assertThat(OFFICE.plusBusinessDays(paris("2026-07-10T10:00"), 2)).isEqualTo(paris("2026-07-15T10:00"));
        // From a Saturday, the first business day after it.
        assertThat(OFFICE.plusBusinessDays(paris("2026-11-21T10:00"), 1)).isEqualTo(paris("2026-11-23T10:00"));
        assertThat(OFFICE.plusBusinessDays(paris("2026-11-21T10:00"), 0)).isEqualTo(paris("2026-11-21T10:00"));
    }

    @Test
    void openOnlyWithinOpeningHours() {
        assertThat(OFFICE.isOpen(paris("2026-11-23T09:00"))).isTrue();
        assertThat(OFFICE.isOpen(paris("2026-11-23T12:45"))).isFalse();
        assertThat(OFFICE.isOpen(paris("2026-11-23T13:30"))).isTrue();
        assertThat(OFFICE.isOpen(paris("2026-11-23T18:00"))).isFalse();
        assertThat(OFFICE.isOpen(paris("2026-11-22T10:00"))).isFalse();
    }

    @Test
    void timeLeftIsNegativeOnceTheDeadlineHasPassed() {
        Instant respondBy = paris("2026-11-23T10:00");

        assertThat(OFFICE.businessTimeBetween(paris("2026-11-20T17:30"), respondBy)).isEqualTo(Duration.ofMinutes(90));
        // 10:00–12:30 and 13:30–14:00: three business hours late.
        assertThat(OFFICE.businessTimeBetween(paris("2026-11-23T14:00"), respondBy)).isEqualTo(Duration.ofHours(-3));
    }

    @Test
    void zeroIsNoTimeAndNegativeAmountsAreRefused() {
        Instant sunday = paris("2026-11-22T15:00");

        assertThat(OFFICE.plusBusinessHours(sunday, Duration.ZERO)).isEqualTo(sunday);
        assertThatThrownBy(() -> OFFICE.plusBusinessHours(sunday, Duration.ofHours(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OFFICE.plusBusinessDays(sunday, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCalendarWithoutOpeningHoursIsRefused() {
        assertThatThrownBy(() -> new BusinessCalendar("Never", PARIS, WeeklyHours.of(Map.of()), PublicHolidays.NONE, Set.of()))
                .hasMessageContaining("no opening hours");
    }

    @Test
    void overlappingSpansAreRefused() {
        assertThatThrownBy(() -> WeeklyHours.parseDay("09:00-13:00, 12:30-18:00"))
                .hasMessage("09:00-13:00 and 12:30-18:00 overlap");
        assertThatThrownBy(() -> WeeklyHours.parseDay("18:00-09:00")).hasMessageContaining("ends before it starts");
        assertThatThrownBy(() -> WeeklyHours.parseDay("9-12")).hasMessageContaining("is not a span of hours");
        assertThatThrownBy(() -> WeeklyHours.parseDay("09:00-25:00")).hasMessageContaining("does not exist");
        assertThat(WeeklyHours.parseDay("13:30-18:00; 9h00 – 12h30")).extracting(OpeningHours::toString)
                .containsExactly("09:00-12:30", "13:30-18:00");
    }
}
