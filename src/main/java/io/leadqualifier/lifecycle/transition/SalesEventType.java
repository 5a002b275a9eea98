package io.leadqualifier.lifecycle.transition;

import io.leadqualifier.lifecycle.state.EventType;

/** What sales can tell the service about a lead they were handed (or closed). */
public enum SalesEventType {
    CONTACTED, ACCEPTED, REJECTED, MEETING_HELD, WON, LOST;

    public EventType eventType() {
        return EventType.valueOf(name());
    }
}
