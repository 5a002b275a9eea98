package io.leadqualifier.lifecycle.api;

import io.leadqualifier.lifecycle.state.LifecycleEvent;

/** The answer to a sales event: the event as recorded, and the lead's lifecycle after it. */
public record RecordedEvent(LifecycleEvent event, LeadView lead) {
}
