package io.leadqualifier.handoff.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

/** Weighted round robin over a queue's active members, decided by the hand-off's number alone. */
class RosterTest {

    private static List<String> firstHandOffs(Roster roster, String queue, int count) {
        return LongStream.rangeClosed(1, count).mapToObj(n -> roster.assign(queue, n).member()).toList();
    }

    @Test
    void weightsThreeAndOneShareHandOffsThreeToOne() {
        Roster roster = Roster.of(List.of(new RosterMember("SDR", "camille", 3, true), new RosterMember("SDR", "hugo", 1, true)));

        List<String> eight = firstHandOffs(roster, "SDR", 8);

        assertThat(eight).containsExactly("camille", "camille", "hugo", "camille", "camille", "camille", "hugo", "camille");
        assertThat(eight.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting())))
                .isEqualTo(Map.of("camille", 6L, "hugo", 2L));
    }

    @Test
    void aHeavyMemberIsInterleavedNotGivenARun() {
        Roster roster = Roster.of(List.of(new RosterMember("AE", "a", 5, true), new RosterMember("AE", "b", 1, true),
                new RosterMember("AE", "c", 1, true)));

        assertThat(firstHandOffs(roster, "AE", 7)).containsExactly("a", "a", "b", "a", "c", "a", "a");
    }

    @Test
    void inactiveMembersAreSkipped() {
        Roster roster = Roster.of(List.of(new RosterMember("SDR", "camille", 3, false), new RosterMember("SDR", "hugo", 1, true),
                new RosterMember("SDR", "lea", 1, true)));

        assertThat(firstHandOffs(roster, "SDR", 4)).containsExactly("hugo", "lea", "hugo", "lea");
        assertThat(roster.members("SDR")).hasSize(3);
        assertThat(roster.activeMembers("SDR")).extracting(RosterMember::member).containsExactly("hugo", "lea");
    }

    @Test
    void theSameHandOffNumberGivesTheSameMemberOnAnyRosterWithTheSameRows() {
        List<RosterMember> rows = List.of(new RosterMember("SDR", "camille", 3, true), new RosterMember("SDR", "hugo", 2, true),
                new RosterMember("SDR", "lea", 1, true));
        Roster today = Roster.of(rows);
        Roster replayed = Roster.of(List.copyOf(rows));

        for (long n : new long[] {1, 2, 5, 6, 7, 1_000_003, Long.MAX_VALUE}) {
            assertThat(replayed.assign("SDR", n)).isEqualTo(today.assign("SDR", n));
        }
        assertThat(today.assign("SDR", 7)).isEqualTo(new Assignment("SDR", 7, today.assign("SDR", 1).member()));
        assertThat(today.assign("sdr ", 2)).isEqualTo(today.assign("SDR", 2));
    }

    @Test
    void aQueueWithoutActiveMemberCannotBeAssigned() {
        Roster roster = Roster.of(List.of(new RosterMember("AE", "sophie", 1, false)));

        assertThat(roster.hasActiveMember("AE")).isFalse();
        assertThatThrownBy(() -> roster.assign("AE", 1)).isInstanceOfSatisfying(NoActiveMemberException.class,
                e -> assertThat(e.queue()).isEqualTo("AE")).hasMessage("queue AE has no active member: nobody can receive its hand-offs");
        assertThatThrownBy(() -> roster.assign("SDR", 1)).isInstanceOf(NoActiveMemberException.class)
                .hasMessage("queue SDR is not in the roster: nobody can receive its hand-offs");
        assertThatThrownBy(() -> Roster.empty().assign("SDR", 1)).isInstanceOf(NoActiveMemberException.class);
    }

    @Test
    void handOffsAreNumberedFromOne() {
        Roster roster = Roster.of(List.of(new RosterMember("AE", "sophie", 1, true)));

        assertThatThrownBy(() -> roster.assign("AE", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void weightsAndDuplicatesAreChecked() {
        assertThatThrownBy(() -> new RosterMember("SDR", "camille", 0, true)).hasMessageContaining("weight 0");
        assertThatThrownBy(() -> new RosterMember("SDR", "camille", RosterMember.MAX_WEIGHT + 1, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Roster.of(List.of(new RosterMember("SDR", "camille", 1, true), new RosterMember("sdr", "Camille", 2, false))))
                .hasMessage("Camille is listed twice in queue SDR");
    }
}
