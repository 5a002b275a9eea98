package io.leadqualifier.webhook.delivery;

/** What one attempt made of its message. */
public enum AttemptOutcome {
    /** Answered 2xx. */
    DELIVERED(DeliveryStatus.DELIVERED),
    /** Failed; tried again at the attempt's {@code nextAttemptAt}. */
    RETRYING(DeliveryStatus.PENDING),
    /** Failed, and it was the last attempt. */
    FAILED(DeliveryStatus.FAILED),
    /** Answered 410 Gone: the subscription is disabled. */
    DISABLED(DeliveryStatus.FAILED);

    private final DeliveryStatus messageStatus;

    AttemptOutcome(DeliveryStatus messageStatus) {
        this.messageStatus = messageStatus;
    }

    DeliveryStatus messageStatus() {
        return messageStatus;
    }
}
