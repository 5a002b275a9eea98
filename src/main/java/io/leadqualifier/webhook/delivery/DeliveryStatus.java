package io.leadqualifier.webhook.delivery;

/** Where a message stands. */
public enum DeliveryStatus {
    /** Waiting for its first attempt or its next one. */
    PENDING,
    /** A receiver answered 2xx. */
    DELIVERED,
    /** The last attempt failed, or the receiver answered 410 Gone. */
    FAILED,
    /** Its subscription was deleted or disabled before it was delivered. */
    CANCELLED
}
