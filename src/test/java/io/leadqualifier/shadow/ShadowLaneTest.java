package io.leadqualifier.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The shadow's queue: it never makes the one who offers wait, and says when everything offered has been worked on. */
class ShadowLaneTest {

    @Test
    void aFullQueueDropsWhatIsOfferedAndCountsIt() throws Exception {
        CountDownLatch working = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> worked = new CopyOnWriteArrayList<>();
        List<String> dropped = new CopyOnWriteArrayList<>();
        try (ShadowLane<String> lane = new ShadowLane<>("test-lane", 2, item -> {
            working.countDown();
            await(release);
            worked.add(item);
        }, dropped::add)) {
            lane.offer("first");
            assertThat(working.await(10, TimeUnit.SECONDS)).as("the worker took the first item").isTrue();
            lane.offer("second");
            lane.offer("third");
            long before = System.nanoTime();
            lane.offer("fourth");
            lane.offer("fifth");

            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before)).as("offering to a full queue does not wait")
                    .isLessThan(1000);
            assertThat(dropped).containsExactly("fourth", "fifth");
            assertThat(lane.waiting()).isEqualTo(2);

            release.countDown();
            lane.drained().get(10, TimeUnit.SECONDS);
            assertThat(worked).containsExactly("first", "second", "third");
            assertThat(lane.waiting()).isZero();
        }
    }

    @Test
    void drainedCompletesOnceEverythingOfferedBeforeHasBeenWorkedOn() throws Exception {
        List<Integer> worked = new CopyOnWriteArrayList<>();
        try (ShadowLane<Integer> lane = new ShadowLane<>("test-lane", 1000, worked::add, item -> {
            throw new AssertionError("nothing is dropped below the capacity");
        })) {
            for (int i = 0; i < 500; i++) {
                lane.offer(i);
            }
            lane.drained().get(10, TimeUnit.SECONDS);

            assertThat(worked).hasSize(500).startsWith(0, 1, 2).endsWith(499);
        }
    }

    @Test
    void anItemThatFailsDoesNotStopTheWorker() throws Exception {
        List<String> worked = new CopyOnWriteArrayList<>();
        try (ShadowLane<String> lane = new ShadowLane<>("test-lane", 10, item -> {
            if (item.equals("bad")) {
                throw new IllegalStateException("a failing item");
            }
            worked.add(item);
        }, item -> {
        })) {
            lane.offer("bad");
            lane.offer("good");
            lane.drained().get(10, TimeUnit.SECONDS);

            assertThat(worked).containsExactly("good");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
