package org.chatconsult.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.chatconsult.protocol.EndReason;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SupervisionDeskTest {
    private static final String ANN = "ann@example.com";
    private static final String BEN = "ben@example.com";
    private static final String SUE = "sue@example.com";
    private static final String SAM = "sam@example.com";

    private final ManualScheduler time = new ManualScheduler();
    private final RecordingListener events = new RecordingListener();
    private ContactCentre centre;
    private SupervisionDesk desk;

    @BeforeEach
    void setUp() {
        AtomicInteger ids = new AtomicInteger();
        Directory directory = FixedDirectory.of(List.of(new AgentProfile(ANN, "Ann"), new AgentProfile(BEN, "Ben"),
                new AgentProfile(SUE, "Sue"), new AgentProfile(SAM, "Sam")),
                List.of(new RoutingPoint("sales", "Sales", Set.of(ANN, BEN))),
                new AgentGroup(Directory.SUPERVISORS, "Supervisors", Set.of(SUE, SAM)));
        centre = new ContactCentre(new Settings(Duration.ofSeconds(30), Duration.ofMinutes(5), 2, 100), directory,
                time, time, () -> "x" + ids.incrementAndGet(), events);
        desk = centre.supervisions();
    }

    /** A chat of the sales point, answered by {@code agent} unless that is null (then it waits in the queue). */
    private String chat(String contact, String agent) {
        String id = centre.startChat("sales", contact + "/phone", contact, "hello").id();
        centre.roomReady(id);
        if (agent != null) {
            centre.agentJoined(id, agent);
        }
        events.drain();
        return id;
    }

    private void ready(String agent) {
        centre.setReadiness(agent, Readiness.READY, OptionalInt.empty());
    }

    @Test
    void aSupervisorHasOneSupervisionOfAChatAndOthersTheirOwn() {
        ready(ANN);
        String chat = chat("carol@x", ANN);
        Supervision sues = desk.monitor(SUE, chat, false);
        assertThat(desk.monitor(SUE, chat, true)).isSameAs(sues);
        assertThat(sues.withConsultations()).isFalse();
        Supervision sams = desk.monitor(SAM, chat, true);
        assertThat(sams.id()).isNotEqualTo(sues.id());
        assertThat(events.drain()).containsExactly("supervision " + sues.id() + " of " + chat + " by " + SUE,
                "supervision " + sams.id() + " of " + chat + " by " + SAM);
        assertThat(desk.of(SUE)).containsExactly(sues);
        assertThat(desk.hersOf(SAM, chat)).isSameAs(sams);
        assertThat(desk.live()).containsExactly(sues, sams);
        assertThat(sues.mode()).isEqualTo("monitoring");
    }

    @Test
    void aWhisperNeedsTheChatsAgentAndIsMarkedFirstOncePerAgent() {
        ready(ANN);
        ready(BEN);
        String chat = chat("carol@x", null); // offered to Ann, not answered yet
        String id = desk.monitor(SUE, chat, false).id();
        assertThatThrownBy(() -> desk.whisper(SUE, id, "hello?", false))
                .isInstanceOfSatisfying(CoreException.class,
                        e -> assertThat(e.kind()).isEqualTo(CoreException.Kind.NOT_ALLOWED));

        centre.agentJoined(chat, ANN);
        events.drain();
        desk.whisper(SUE, id, "offer a refund", false);
        desk.whisper(SUE, id, "a full one", true);
        assertThat(events.drain()).containsExactly(
                "supervision " + id + " whispered to " + ANN + ": offer a refund (first)",
                "supervision " + id + " whispered to " + ANN + ": a full one");

        // The chat went on to Ben: he has not been in her room, so her next whisper is his first.
        centre.handovers().start(Handover.Kind.COLD_TRANSFER, ANN, chat, Set.of(BEN));
        centre.agentJoined(chat, BEN);
        events.drain();
        desk.whisper(SUE, id, "Ben, hello", false);
        assertThat(events.drain()).containsExactly(
                "supervision " + id + " whispered to " + BEN + ": Ben, hello (first)");
    }

    @Test
    void bargingInTwiceIsAConflict() {
        ready(ANN);
        String chat = chat("carol@x", ANN);
        String id = desk.monitor(SUE, chat, false).id();
        events.drain();
        assertThat(desk.barge(SUE, id).mode()).isEqualTo("barged");
        assertThat(desk.isBargedIn(chat, SUE)).isTrue();
        assertThat(desk.isBargedIn(chat, ANN)).isFalse();
        assertThatThrownBy(() -> desk.barge(SUE, id)).isInstanceOfSatisfying(CoreException.class,
                e -> assertThat(e.kind()).isEqualTo(CoreException.Kind.CONFLICT));
        assertThat(events.drain()).containsExactly("supervision " + id + " barged in");
    }

    @Test
    void leavingEndsHerSupervisionOnly() {
        ready(ANN);
        String chat = chat("carol@x", ANN);
        String sues = desk.monitor(SUE, chat, false).id();
        String sams = desk.monitor(SAM, chat, false).id();
        events.drain();
        desk.leave(SUE, sues);
        assertThat(events.drain()).containsExactly("supervision " + sues + " ended left");
        assertThat(desk.supervision(sues)).isEmpty();
        assertThat(desk.live()).extracting(Supervision::id).containsExactly(sams);
        notFound(() -> desk.leave(SUE, sues));
        // She may watch it again: a new supervision.
        assertThat(desk.monitor(SUE, chat, false).id()).isNotEqualTo(sues);
    }

    @Test
    void theAdminEndsAnySupervisionWithHerReason() {
        ready(ANN);
        String id = desk.monitor(SUE, chat("carol@x", ANN), false).id();
        events.drain();
        desk.end(id, "ended-by-admin");
        assertThat(events.drain()).containsExactly("supervision " + id + " ended ended-by-admin");
        notFound(() -> desk.end(id, "ended-by-admin"));
    }

    @Test
    void theChatsEndEndsItsSupervisions() {
        ready(ANN);
        String chat = chat("carol@x", ANN);
        String other = chat("dave@x", ANN);
        String sues = desk.monitor(SUE, chat, false).id();
        String sams = desk.barge(SAM, desk.monitor(SAM, chat, false).id()).id();
        String kept = desk.monitor(SUE, other, false).id();
        events.drain();
        centre.end(chat, EndReason.AGENT_ENDED);
        assertThat(events.drain()).containsSubsequence("supervision " + sues + " ended chat-ended",
                "supervision " + sams + " ended chat-ended", "ended " + chat + " agent-ended");
        assertThat(desk.live()).extracting(Supervision::id).containsExactly(kept);
        assertThat(desk.isBargedIn(chat, SAM)).isFalse();
    }

    @Test
    void anyoneButASupervisorAndAnUnknownIdHearTheSame() {
        ready(ANN);
        String chat = chat("carol@x", ANN);
        String sues = desk.monitor(SUE, chat, false).id();
        events.drain();
        // Ann is an agent, the chat's own, but no supervisor; Sam is one, but the supervision is Sue's.
        for (String someone : List.of(ANN, "carol@x")) {
            notFound(() -> desk.chats(someone));
            notFound(() -> desk.of(someone));
            notFound(() -> desk.monitor(someone, chat, false));
            notFound(() -> desk.hersOf(someone, chat));
            notFound(() -> desk.whisper(someone, sues, "hi", false));
            notFound(() -> desk.barge(someone, sues));
            notFound(() -> desk.leave(someone, sues));
        }
        notFound(() -> desk.whisper(SAM, sues, "hi", false));
        notFound(() -> desk.barge(SAM, sues));
        notFound(() -> desk.leave(SAM, sues));
        notFound(() -> desk.hersOf(SAM, chat));
        for (String unknown : List.of("nope", chat)) {
            notFound(() -> desk.whisper(SUE, unknown, "hi", false));
            notFound(() -> desk.barge(SUE, unknown));
            notFound(() -> desk.leave(SUE, unknown));
            notFound(() -> desk.end(unknown, "ended-by-admin"));
        }
        notFound(() -> desk.monitor(SUE, "nope", false));
        notFound(() -> desk.hersOf(SUE, "nope"));
        assertThat(events.drain()).isEmpty();
        assertThat(desk.live()).extracting(Supervision::id).containsExactly(sues);
    }

    @Test
    void theOverviewListsSupervisionsAndWhenChatsWereAnswered() {
        ready(ANN);
        String answered = chat("carol@x", ANN);
        time.advance(Duration.ofSeconds(10));
        String waiting = chat("dave@x", null);
        Instant started = time.instant();
        String sues = desk.monitor(SUE, answered, false).id();
        String sams = desk.barge(SAM, desk.monitor(SAM, answered, false).id()).id();
        Instant at = Instant.parse("2026-01-01T09:00:05Z");

        Overview overview = centre.overview(id -> id.equals(answered) ? Optional.of(at) : Optional.empty());
        assertThat(overview.chats()).extracting(Overview.ChatRow::id, Overview.ChatRow::answered)
                .containsExactly(tuple(answered, at),
                        tuple(waiting, null));
        assertThat(overview.supervisions()).containsExactly(
                new Overview.SupervisionRow(sues, answered, SUE, "monitoring", started),
                new Overview.SupervisionRow(sams, answered, SAM, "barged", started));
    }

    private static void notFound(ThrowingCallable action) {
        assertThatThrownBy(action).isInstanceOfSatisfying(CoreException.class, e -> {
            assertThat(e.kind()).isEqualTo(CoreException.Kind.NOT_FOUND);
            assertThat(e.getMessage()).isEqualTo(SupervisionDesk.NO_SUPERVISION);
        });
    }
}
