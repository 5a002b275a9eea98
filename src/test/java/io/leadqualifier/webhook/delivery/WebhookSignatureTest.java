package io.leadqualifier.webhook.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Signatures match the Standard Webhooks reference libraries, so receivers can verify with any of them. */
class WebhookSignatureTest {

    @Test
    void signsTheSpecificationsTestVector() {
        assertThat(WebhookSignature.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                "{\"test\": 2432232314}")).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void anotherTimestampOrBodyGivesAnotherSignature() {
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        String signed = WebhookSignature.sign(secret, "msg_1", 1614265330, "{}");
        assertThat(WebhookSignature.sign(secret, "msg_1", 1614265331, "{}")).isNotEqualTo(signed);
        assertThat(WebhookSignature.sign(secret, "msg_1", 1614265330, "{ }")).isNotEqualTo(signed);
        assertThat(WebhookSignature.sign(secret, "msg_2", 1614265330, "{}")).isNotEqualTo(signed);
    }
}
