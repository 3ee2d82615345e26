package org.chatconsult.xmpp.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class SenderRateLimitTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final SenderRateLimit limit = new SenderRateLimit(now::get);

    @Test
    void allowsABurstThenTheSustainedRate() {
        int allowed = 0;
        for (int i = 0; i < 2_000; i++) {
            allowed += limit.allow("carol@example.com") ? 1 : 0;
        }
        assertThat(allowed).isEqualTo(Limits.BURST);
        assertThat(limit.allow("dave@example.com")).as("each sender has its own allowance").isTrue();
        now.addAndGet(1_000_000_000L);
        allowed = 0;
        for (int i = 0; i < 2_000; i++) {
            allowed += limit.allow("carol@example.com") ? 1 : 0;
        }
        assertThat(allowed).isEqualTo(Limits.PER_SECOND);
    }

    @Test
    void forgetsSendersOnceTheirAllowanceHasRefilled() {
        for (int i = 0; i < 1_000; i++) {
            limit.allow("contact" + i + "@example.com");
        }
        assertThat(limit.tracked()).isEqualTo(1_000);
        now.addAndGet(11_000_000_000L);
        limit.allow("late@example.com");
        assertThat(limit.tracked()).isEqualTo(1);
    }
}
