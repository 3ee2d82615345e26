package org.chatconsult.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** Every reason has one token and reads back from it; a chat's end reads back from its room's destroy text. */
class ReasonsTest {
    @Test
    void eachChatEndReadsBackFromItsTokenAndItsText() {
        for (EndReason reason : EndReason.values()) {
            assertThat(EndReason.ofToken(reason.token())).isEqualTo(reason);
            assertThat(EndReason.ofText(reason.text())).isEqualTo(reason);
        }
        assertThat(EndReason.ofToken("shutdown")).isNull();
        assertThat(Arrays.stream(EndReason.values()).map(EndReason::text).distinct())
                .hasSize(EndReason.values().length);
    }

    @Test
    void eachConsultationEndAndRevocationReadsBackFromItsToken() {
        for (ConsultationEndReason reason : ConsultationEndReason.values()) {
            assertThat(ConsultationEndReason.ofToken(reason.token(), null)).isEqualTo(reason);
        }
        for (RevokeReason reason : RevokeReason.values()) {
            assertThat(RevokeReason.ofToken(reason.token())).isEqualTo(reason);
        }
        assertThat(RevokeReason.ofToken("no-such-reason")).isNull();
    }
}
