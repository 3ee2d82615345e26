package org.chatconsult.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.chatconsult.protocol.EndReason;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConsultationDeskTest {
    private static final String ANN = "ann@example.com";
    private static final String BEN = "ben@example.com";
    private static final String CAT = "cat@example.com";

    private final ManualScheduler time = new ManualScheduler();
    private final RecordingListener events = new RecordingListener();
    private ContactCentre centre;
    private ConsultationDesk desk;
    private String chat;

    @BeforeEach
    void setUp() {
        AtomicInteger ids = new AtomicInteger();
        Directory directory = FixedDirectory.of(List.of(new AgentProfile(ANN, "Ann"), new AgentProfile(BEN, "Ben"),
                new AgentProfile(CAT, "Cat")), List.of(new RoutingPoint("sales", "Sales", Set.of(ANN))));
        centre = new ContactCentre(new Settings(Duration.ofSeconds(30), Duration.ofMinutes(5), 1, 100,
                Set.of("resolved", "escalated")), directory, time, time, () -> "x" + ids.incrementAndGet(), events);
        desk = centre.consultations();
        ready(ANN);
        chat = centre.startChat("sales", "carol@example.com/phone", "carol", "hello").id();
        centre.roomReady(chat);
        centre.agentJoined(chat, ANN);
        events.drain();
    }

    private void ready(String agent) {
        centre.setReadiness(agent, Readiness.READY, OptionalInt.empty());
    }

    @Test
    void targetAcceptsAndEitherMemberEndsIt() {
        ready(BEN);
        String id = desk.start(ANN, chat, BEN, Set.of(BEN)).id();
        desk.roomReady(id);
        desk.agentJoined(id, BEN);
        assertThat(events.drain()).containsExactly("consultation " + id + " created",
                "consultation " + id + " offered to " + BEN, "consultation " + id + " accepted by " + BEN);
        assertThat(centre.agent(BEN).orElseThrow().load()).isEqualTo(1);
        desk.end(BEN, id);
        assertThat(events.drain()).containsExactly("consultation " + id + " ended ended-by-target");
        assertThat(centre.agent(BEN).orElseThrow().load()).isZero();
    }

    @Test
    void routingPointTargetOffersEveryReadyAgentAndTheFirstWins() {
        ready(BEN);
        ready(CAT);
        String id = desk.start(ANN, chat, "team", Set.of(ANN, BEN, CAT)).id();
        desk.roomReady(id);
        assertThat(events.drain()).contains("consultation " + id + " offered to " + BEN,
                "consultation " + id + " offered to " + CAT);
        desk.agentJoined(id, CAT);
        assertThat(events.drain()).containsExactly("consultation " + id + " revoked from " + BEN + " taken",
                "consultation " + id + " accepted by " + CAT);
        assertThat(centre.agent(BEN).orElseThrow().load()).isZero();
    }

    @Test
    void releasedWhenDeclinedTimedOutOrNobodyIsReady() {
        assertThatThrownBy(() -> desk.start(ANN, chat, BEN, Set.of(BEN)))
                .hasFieldOrPropertyWithValue("kind", CoreException.Kind.UNAVAILABLE);
        ready(BEN);
        String declined = desk.start(ANN, chat, BEN, Set.of(BEN)).id();
        desk.roomReady(declined);
        String offer = desk.consultation(declined).orElseThrow().offers().iterator().next().id();
        events.drain();
        centre.decline(BEN, offer);
        assertThat(events.drain()).containsExactly("consultation " + declined + " revoked from " + BEN + " declined",
                "consultation " + declined + " ended declined");

        String timedOut = desk.start(ANN, chat, BEN, Set.of(BEN)).id();
        desk.roomReady(timedOut);
        events.drain();
        time.advance(Duration.ofSeconds(30));
        assertThat(events.drain()).containsExactly("consultation " + timedOut + " revoked from " + BEN + " timeout",
                "consultation " + timedOut + " ended timeout");

        String gone = desk.start(ANN, chat, BEN, Set.of(BEN)).id();
        centre.setReadiness(BEN, Readiness.NOT_READY, OptionalInt.empty());
        events.drain();
        desk.roomReady(gone);
        assertThat(events.drain()).containsExactly("consultation " + gone + " ended no-ready-target");
    }

    @Test
    void onlyTheOwnerOfAnActiveChatStartsOne() {
        ready(BEN);
        assertThatThrownBy(() -> desk.start(BEN, chat, CAT, Set.of(CAT)))
                .hasFieldOrPropertyWithValue("kind", CoreException.Kind.NOT_FOUND);
        assertThatThrownBy(() -> desk.start(ANN, "nope", BEN, Set.of(BEN)))
                .hasFieldOrPropertyWithValue("kind", CoreException.Kind.NOT_FOUND);
        assertThatThrownBy(() -> desk.start(ANN, chat, ANN, Set.of(ANN)))
                .hasFieldOrPropertyWithValue("kind", CoreException.Kind.BAD_REQUEST);
    }

    @Test
    void endingTheChatEndsEveryConsultation() {
        ready(BEN);
        ready(CAT);
        String one = desk.start(ANN, chat, BEN, Set.of(BEN)).id();
        String two = desk.start(ANN, chat, CAT, Set.of(CAT)).id();
        desk.roomReady(one);
        desk.roomReady(two);
        desk.agentJoined(one, BEN);
        events.drain();
        centre.end(chat, EndReason.CONTACT_LEFT);
        assertThat(events.drain()).containsExactly("consultation " + one + " ended interaction-ended",
                "consultation " + two + " revoked from " + CAT + " consultation-ended",
                "consultation " + two + " ended interaction-ended", "ended " + chat + " contact-left");
        assertThat(desk.live()).isEmpty();
        assertThat(time.pending()).isZero();
    }

    @Test
    void markDoneClosesAPartAndCompletesTheRecord() {
        ready(BEN);
        String id = desk.start(ANN, chat, BEN, Set.of(BEN)).id();
        desk.roomReady(id);
        desk.agentJoined(id, BEN);
        events.drain();
        assertThatThrownBy(() -> desk.done(BEN, id, "unknown-code", null))
                .hasFieldOrPropertyWithValue("kind", CoreException.Kind.BAD_REQUEST);
        desk.done(BEN, id, "resolved", "told Ann about the refund rule");
        assertThat(events.drain()).containsExactly("consultation " + id + " ended ended-by-target",
                "consultation " + id + " done by " + BEN);
        assertThatThrownBy(() -> desk.done(BEN, id, null, null))
                .hasFieldOrPropertyWithValue("kind", CoreException.Kind.CONFLICT);
        assertThatThrownBy(() -> desk.done(CAT, id, null, null))
                .hasFieldOrPropertyWithValue("kind", CoreException.Kind.NOT_FOUND);
        desk.done(ANN, id, null, null);
        assertThat(events.drain()).containsExactly("consultation " + id + " done by " + ANN + " complete");
        // A complete record is kept a while, so that a repeated Done is a conflict, not an unknown id.
        assertThatThrownBy(() -> desk.done(ANN, id, null, null))
                .hasFieldOrPropertyWithValue("kind", CoreException.Kind.CONFLICT);
        assertThatThrownBy(() -> desk.end(ANN, id))
                .hasFieldOrPropertyWithValue("kind", CoreException.Kind.CONFLICT);
    }
}
