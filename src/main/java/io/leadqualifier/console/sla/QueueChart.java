package io.leadqualifier.console.sla;

import java.util.List;
import java.util.function.ToLongFunction;

import io.leadqualifier.console.Chart;
import io.leadqualifier.lifecycle.sla.QueueClocks;

/** Each queue's open hand-offs as one stacked bar, cut by the time left on their clocks. */
final class QueueChart {

    private QueueChart() {
    }

    static Chart of(List<QueueClocks.Queue> queues) {
        return new Chart("Open hand-offs per queue, by time left", true, queues.stream().map(QueueClocks.Queue::queue).toList(), List.of(
                series("Overdue", queues, QueueClocks.Queue::overdue),
                series("Due within 1 h", queues, QueueClocks.Queue::dueSoon),
                series("Due within 8 h", queues, QueueClocks.Queue::dueToday),
                series("Due later", queues, QueueClocks.Queue::later),
                series("Contacted (clock stopped)", queues, QueueClocks.Queue::contacted)));
    }

    private static Chart.Series series(String name, List<QueueClocks.Queue> queues, ToLongFunction<QueueClocks.Queue> count) {
        return new Chart.Series(name, queues.stream().map(queue -> count.applyAsLong(queue)).toList(), "open", false);
    }
}
