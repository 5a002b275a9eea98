package io.leadqualifier.webhook.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.leadqualifier.system.ClusteredJob;
import io.leadqualifier.webhook.WebhookConfig;
import io.leadqualifier.webhook.subscription.EndpointGuard;
import io.leadqualifier.webhook.subscription.Subscription;

/**
 * The delivery worker. Every {@code lead-qualifier.webhooks.poll} it claims the messages due (as many as it has free
 * delivery threads, {@code max-concurrent}) and sends each on a thread of its own: the receiver's addresses are
 * checked again, the message is signed with the attempt's timestamp and posted to the address checked, and the
 * attempt is recorded with what became of the message. Nothing is kept in memory between polls: whatever is
 * pending in the database, from before a restart included, is picked up by the next poll.
 */
@ApplicationScoped
public class WebhookDispatcher implements ClusteredJob {
    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    private final MessageClaims claims;
    private final EndpointGuard guard;
    private final WebhookSender sender;
    private final Clock clock;
    private final WebhookConfig config;
    private final Optional<Duration> poll;
    /** Who holds a claim: this instance, for the life of this process. */
    private final String owner = "instance-" + UUID.randomUUID();
    private final Semaphore free;
    private final ExecutorService threads;
    private volatile boolean storeFailing;

    WebhookDispatcher(MessageClaims claims, EndpointGuard guard, WebhookSender sender, Clock clock, WebhookConfig config) {
        this.claims = claims;
        this.guard = guard;
        this.sender = sender;
        this.clock = clock;
        this.config = config;
        this.poll = ClusteredJob.period(config.poll());
        this.free = new Semaphore(config.maxConcurrent());
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(config.maxConcurrent(), task -> {
            Thread thread = new Thread(task, "webhook-delivery-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public String identity() {
        return "webhook-delivery";
    }

    @Override
    public Optional<Duration> every() {
        return poll;
    }

    /** One poll: on one instance of the cluster at a time (ClusteredJobs); a poll drains what is due. */
    @Override
    public void run() {
        try {
            drain();
            storeFailing = false;
        } catch (RuntimeException e) {
            // Said once per outage, not every poll.
            if (!storeFailing) {
                LOG.warnf("Webhook delivery cannot claim messages: %s", e.getMessage());
            }
            storeFailing = true;
        }
    }

    /**
     * Delivers until nothing is due: claims as many messages as there are free delivery threads, and claims again as
     * soon as one is free, so that a backlog drains at the pace receivers answer, not at one batch per poll.
     */
    void drain() {
        while (true) {
            try {
                // Wait for a free delivery thread, without taking it: deliverDue takes what is free.
                free.acquire();
                free.release();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (deliverDue() == 0) {
                return;
            }
        }
    }

    /** Claims the messages due now, as many as there are free delivery threads, and starts them; returns how many. */
    public int deliverDue() {
        int slots = free.availablePermits();
        if (slots == 0) {
            return 0;
        }
        List<MessageClaims.Claim> claimed = claims.claim(slots, clock.instant(), config.lease(), owner);
        for (MessageClaims.Claim claim : claimed) {
            free.acquireUninterruptibly();
            threads.execute(() -> {
                try {
                    deliver(claim);
                } catch (RuntimeException e) {
                    // The claim's lease runs out and the message is tried again.
                    LOG.errorf(e, "Webhook message %s could not be delivered or recorded", claim.messageId());
                } finally {
                    free.release();
                }
            });
        }
        return claimed.size();
    }

    private void deliver(MessageClaims.Claim claim) {
        if (claim.recipient() == null || claim.recipient().status() != Subscription.Status.ACTIVE) {
            claims.cancel(claim, owner);
            return;
        }
        int number = claim.attemptsBefore() + 1;
        Instant at = clock.instant();
        WebhookSender.Answer answer;
        try {
            EndpointGuard.Endpoint endpoint = guard.check(claim.recipient().url());
            long timestamp = at.getEpochSecond();
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("content-type", "application/json");
            headers.put("user-agent", "lead-qualifier-webhooks/1");
            headers.put("webhook-id", claim.messageId());
            headers.put("webhook-timestamp", Long.toString(timestamp));
            headers.put("webhook-signature", WebhookSignature.sign(claim.recipient().secret(), claim.messageId(), timestamp, claim.body()));
            answer = sender.post(endpoint, headers, claim.body());
        } catch (EndpointGuard.Refused refused) {
            answer = new WebhookSender.Answer(null, null, "refused: the URL " + refused.getMessage(), 0);
        }
        record(claim, number, at, answer);
    }

    private void record(MessageClaims.Claim claim, int number, Instant at, WebhookSender.Answer answer) {
        Instant now = clock.instant();
        String disabled = null;
        AttemptOutcome outcome;
        Instant next = null;
        if (answer.status() != null && answer.status() >= 200 && answer.status() < 300) {
            outcome = AttemptOutcome.DELIVERED;
        } else if (answer.status() != null && answer.status() == 410) {
            outcome = AttemptOutcome.DISABLED;
            disabled = "The receiver answered 410 Gone to message " + claim.messageId() + " at " + at;
        } else {
            Optional<Instant> retry = RetrySchedule.next(number, now, RetrySchedule.retryAfter(answer.retryAfter(), now),
                    ThreadLocalRandom.current()::nextDouble);
            outcome = retry.isPresent() ? AttemptOutcome.RETRYING : AttemptOutcome.FAILED;
            next = retry.orElse(null);
        }
        String error = answer.error() == null && outcome != AttemptOutcome.DELIVERED ? "HTTP " + answer.status() : answer.error();
        boolean ours = claims.record(claim, owner, new MessageClaims.Attempt(number, at, answer.status(), answer.error(), answer.millis(),
                outcome, next), disabled);
        if (!ours) {
            LOG.warnf("Webhook message %s: attempt %d ended after its lease; recorded, left to its new claimer", claim.messageId(), number);
        }
        switch (outcome) {
            case DELIVERED -> LOG.debugf("Webhook message %s delivered (attempt %d, %d ms)", claim.messageId(), number, answer.millis());
            case RETRYING -> LOG.debugf("Webhook message %s attempt %d failed (%s); next at %s", claim.messageId(), number, error, next);
            case FAILED -> LOG.warnf("Webhook message %s failed after %d attempts (last: %s)", claim.messageId(), number, error);
            case DISABLED -> LOG.warnf("Webhook subscription %s disabled: its receiver answered 410 Gone", claim.subscriptionId());
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        // Deliveries in flight finish or time out; a claim left behind is taken again after its lease.
        threads.shutdown();
        if (!threads.awaitTermination(5, TimeUnit.SECONDS)) {
            threads.shutdownNow();
        }
    }
}
