package org.chatconsult.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.chatconsult.protocol.ConsultationEndReason;
import org.chatconsult.protocol.EndReason;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ContactCentreTest {
    private static final String ANN = "ann@example.com";
    private static final String BEN = "ben@example.com";
    private static final String CAT = "cat@example.com";

    private final ManualScheduler time = new ManualScheduler();
    private final RecordingListener events = new RecordingListener();
    private ContactCentre centre;

    @BeforeEach
    void setUp() {
        AtomicInteger ids = new AtomicInteger();
        Directory directory = FixedDirectory.of(List.of(new AgentProfile(ANN, "Ann"), new AgentProfile(BEN, "Ben"),
                new AgentProfile(CAT, "Cat")), List.of(new RoutingPoint("sales", "Sales", Set.of(ANN, BEN)),
                new RoutingPoint("vip", "VIP", Set.of(CAT))));
        Settings settings = new Settings(Duration.ofSeconds(30), Duration.ofMinutes(5), 2, 100);
        centre = new ContactCentre(settings, directory, time, time, () -> "i" + ids.incrementAndGet(), events);
    }

    private String chat(String contact, String point) {
        String id = centre.startChat(point, contact + "/phone", contact, "hello").id();
        centre.roomReady(id);
        return id;
    }

    private void ready(String agent) {
        centre.setReadiness(agent, Readiness.READY, OptionalInt.empty());
    }

    @Test
    void offersToTheLongestIdleReadyAgent() {
        ready(ANN);
        time.advance(Duration.ofSeconds(5));
        ready(BEN);
        String first = chat("c1@x", "sales");
        assertThat(events.drain()).containsExactly("created i1", "offered i1 to " + ANN);
        centre.agentJoined(first, ANN);
        time.advance(Duration.ofSeconds(1));
        centre.endByAgent(ANN, first);
        events.drain();
        // Ann just finished a chat, so Ben has been idle longer now.
        chat("c2@x", "sales");
        assertThat(events.drain()).containsExactly("created i3", "offered i3 to " + BEN);
    }

    @Test
    void notReadyAndLoggedOutAgentsGetNoOffers() {
        centre.setReadiness(ANN, Readiness.NOT_READY, OptionalInt.empty());
        String id = chat("c1@x", "sales");
        assertThat(events.drain()).containsExactly("created i1", "queued i1 #1");
        ready(ANN);
        assertThat(events.drain()).containsExactly("offered i1 to " + ANN);
        centre.setReadiness(ANN, Readiness.LOGGED_OUT, OptionalInt.empty());
        assertThat(events.drain()).containsExactly("revoked i1 from " + ANN + " agent-unavailable", "queued i1 #1");
        assertThat(centre.interaction(id).orElseThrow().state()).isEqualTo(InteractionState.QUEUED);
    }

    @Test
    void capacityLimitsConcurrentChatsAndFreesOnEnd() {
        centre.setReadiness(CAT, Readiness.READY, OptionalInt.of(1));
        String first = chat("c1@x", "vip");
        centre.agentJoined(first, CAT);
        String second = chat("c2@x", "vip");
        events.drain();
        assertThat(centre.interaction(second).orElseThrow().state()).isEqualTo(InteractionState.QUEUED);
        centre.end(first, EndReason.CONTACT_LEFT);
        assertThat(events.drain()).containsExactly("ended i1 contact-left", "offered i3 to " + CAT);
    }

    @Test
    void declineMovesTheOfferToTheNextAgentAndNeverBackUnlessReadyAgain() {
        ready(ANN);
        ready(BEN);
        String id = chat("c1@x", "sales");
        String offer = centre.interaction(id).orElseThrow().offer().id();
        events.drain();
        centre.decline(ANN, offer);
        assertThat(events.drain()).containsExactly("revoked i1 from " + ANN + " declined", "offered i1 to " + BEN);
        centre.decline(BEN, centre.interaction(id).orElseThrow().offer().id());
        assertThat(events.drain()).containsExactly("revoked i1 from " + BEN + " declined", "queued i1 #1");
        ready(ANN);
        assertThat(events.drain()).containsExactly("offered i1 to " + ANN);
    }

    @Test
    void aDeclineMayCarryTheAgentsNote() {
        ready(ANN);
        ready(BEN);
        String id = chat("c1@x", "sales");
        events.drain();
        centre.decline(ANN, centre.interaction(id).orElseThrow().offer().id(), "on a call");
        assertThat(events.drain()).containsExactly("revoked i1 from " + ANN + " declined (on a call)",
                "offered i1 to " + BEN);
    }

    @Test
    void aConferenceGoesToTheFirstWhoJoinsOrIsReleasedWhenNobodyDoes() {
        ready(ANN);
        ready(BEN);
        ready(CAT);
        String id = chat("c1@x", "sales");
        centre.agentJoined(id, ANN);
        Handover handover = centre.handovers().start(Handover.Kind.CONFERENCE, ANN, id, Set.of(BEN, CAT));
        String unanswered = handover.id();
        assertThat(events.drain()).endsWith("handover " + unanswered + " offered to " + BEN,
                "handover " + unanswered + " offered to " + CAT);
        centre.decline(BEN, handover.offers().stream().filter(o -> o.agent().equals(BEN)).findFirst().orElseThrow()
                .id(), "busy");
        time.advance(Duration.ofSeconds(30));
        assertThat(events.drain()).containsExactly(
                "handover " + unanswered + " revoked from " + BEN + " declined (busy)",
                "handover " + unanswered + " revoked from " + CAT + " timeout",
                "handover " + unanswered + " released timeout");
        assertThat(centre.agent(BEN).orElseThrow().load()).isZero();

        String taken = centre.handovers().start(Handover.Kind.CONFERENCE, ANN, id, Set.of(BEN, CAT)).id();
        events.drain();
        centre.agentJoined(id, CAT);
        assertThat(events.drain()).containsExactly("handover " + taken + " revoked from " + BEN + " taken",
                "handover " + taken + " accepted by " + CAT);
        assertThat(centre.interaction(id).orElseThrow().participants()).containsExactly(CAT);
        assertThat(centre.agent(BEN).orElseThrow().load()).isZero();
        assertThat(centre.agent(CAT).orElseThrow().load()).isEqualTo(1);
    }

    @Test
    void unansweredOfferTimesOutAndMovesOn() {
        ready(ANN);
        ready(BEN);
        chat("c1@x", "sales");
        events.drain();
        time.advance(Duration.ofSeconds(30));
        assertThat(events.drain()).containsExactly("revoked i1 from " + ANN + " timeout", "offered i1 to " + BEN);
    }

    @Test
    void queuedContactsLearnTheirPositionAsItChanges() {
        chat("c1@x", "sales");
        chat("c2@x", "sales");
        chat("c3@x", "sales");
        assertThat(events.drain()).containsSubsequence("queued i1 #1", "queued i2 #2", "queued i3 #3");
        ready(ANN); // capacity 2: she is offered two, the third moves up to first in line
        assertThat(events.drain()).containsExactly("offered i1 to " + ANN, "offered i2 to " + ANN, "queued i3 #1");
    }

    @Test
    void waitingBeyondTheMaximumClosesTheChat() {
        String id = chat("c1@x", "sales");
        time.advance(Duration.ofMinutes(5));
        assertThat(events.drain()).endsWith("ended i1 queue-timeout");
        assertThat(centre.interaction(id)).isEmpty();
        assertThat(time.pending()).isZero();
    }

    @Test
    void acceptedChatsDoNotTimeOutInTheQueue() {
        ready(ANN);
        String id = chat("c1@x", "sales");
        centre.agentJoined(id, ANN);
        time.advance(Duration.ofMinutes(10));
        assertThat(centre.interaction(id).orElseThrow().state()).isEqualTo(InteractionState.ACTIVE);
    }

    @Test
    void refusesWhatIsNotAllowed() {
        ready(ANN);
        String id = chat("c1@x", "sales");
        assertThatThrownBy(() -> centre.setReadiness("eve@example.com", Readiness.READY, OptionalInt.empty()))
                .hasFieldOrPropertyWithValue("kind", CoreException.Kind.FORBIDDEN);
        assertThatThrownBy(() -> centre.setReadiness(ANN, Readiness.READY, OptionalInt.of(0)))
                .hasFieldOrPropertyWithValue("kind", CoreException.Kind.BAD_REQUEST);
        assertThatThrownBy(() -> centre.startChat("nowhere", "c2@x/r", "c2", "hi"))
                .hasFieldOrPropertyWithValue("kind", CoreException.Kind.NOT_FOUND);
        assertThatThrownBy(() -> centre.startChat("sales", "c1@x/other", "c1", "again"))
                .hasFieldOrPropertyWithValue("kind", CoreException.Kind.CONFLICT);
        assertThatThrownBy(() -> centre.agentJoined(id, BEN))
                .hasFieldOrPropertyWithValue("kind", CoreException.Kind.FORBIDDEN);
        assertThatThrownBy(() -> centre.endByAgent(BEN, id))
                .hasFieldOrPropertyWithValue("kind", CoreException.Kind.NOT_FOUND);
        assertThatThrownBy(() -> centre.decline(BEN, "nope"))
                .hasFieldOrPropertyWithValue("kind", CoreException.Kind.NOT_FOUND);
        assertThatThrownBy(() -> centre.endByAgent(ANN, "i999"))
                .hasFieldOrPropertyWithValue("kind", CoreException.Kind.NOT_FOUND);
    }

    @Test
    void refusesNewChatsBeyondTheServiceLimit() {
        for (int i = 0; i < 100; i++) {
            centre.startChat("sales", "c" + i + "@x/r", "c" + i, "hi");
        }
        assertThatThrownBy(() -> centre.startChat("sales", "late@x/r", "late", "hi"))
                .hasFieldOrPropertyWithValue("kind", CoreException.Kind.RESOURCE_CONSTRAINT);
    }

    @Test
    void endingRevokesTheOpenOfferAndFreesTheAgent() {
        ready(ANN);
        String id = chat("c1@x", "sales");
        events.drain();
        centre.end(id, EndReason.CONTACT_LEFT);
        assertThat(events.drain()).containsExactly("revoked i1 from " + ANN + " interaction-ended",
                "ended i1 contact-left");
        assertThat(centre.agent(ANN).orElseThrow().load()).isZero();
        assertThat(time.pending()).isZero();
    }

    @Test
    void stateMachineRefusesIllegalTransitions() {
        assertThat(InteractionState.ACTIVE.canMoveTo(InteractionState.QUEUED)).isFalse();
        assertThat(InteractionState.ENDED.canMoveTo(InteractionState.ACTIVE)).isFalse();
        assertThat(InteractionState.OFFERED.canMoveTo(InteractionState.ACTIVE)).isTrue();
        assertThat(List.of(InteractionState.values())).allMatch(s -> s == InteractionState.ENDED
                || s.canMoveTo(InteractionState.ENDED));
    }

    @Test
    void restoresChatsWithTheirTimeLeftAndTheAgentsCapacity() {
        java.time.Instant now = time.instant();
        Snapshot.InteractionRecord active = new Snapshot.InteractionRecord("a1", "sales", "c1@x/phone", "c1", "hi",
                now.minusSeconds(60), InteractionState.ACTIVE, ANN, Set.of(), null, null, null, null);
        Snapshot.InteractionRecord offered = new Snapshot.InteractionRecord("o1", "sales", "c2@x/phone", "c2", "hi",
                now.minusSeconds(20), InteractionState.OFFERED, null, Set.of(),
                new Offer("f1", "o1", BEN, now.plusSeconds(10)), null, null, null);
        Snapshot.InteractionRecord waiting = new Snapshot.InteractionRecord("w1", "vip", "c3@x/phone", "c3", "hi",
                now.minus(Duration.ofMinutes(5)).plusSeconds(15), InteractionState.QUEUED, null, Set.of(), null, null,
                null, null);
        centre.restore(List.of(new Snapshot.AgentRecord(ANN, Readiness.READY, 1, null),
                        new Snapshot.AgentRecord(BEN, Readiness.READY, 1, null)),
                List.of(active, offered, waiting), List.of());

        assertThat(centre.interaction("a1").orElseThrow().owner()).isEqualTo(ANN);
        assertThat(centre.agent(ANN).orElseThrow().load()).isEqualTo(1);
        assertThat(centre.agent(BEN).orElseThrow().load()).isEqualTo(1);
        // A waiting chat is routed again once its room is back; nobody serves vip, so it keeps waiting.
        assertThat(centre.interaction("w1").orElseThrow().state()).isEqualTo(InteractionState.NEW);
        centre.roomReady("w1");
        // The restored offer still holds: Ben accepts it.
        centre.agentJoined("o1", BEN);
        assertThat(centre.interaction("o1").orElseThrow().owner()).isEqualTo(BEN);
        // A new chat cannot go to Ann (full) nor Ben (full now): it waits.
        String late = chat("c4@x", "sales");
        assertThat(centre.interaction(late).orElseThrow().state()).isEqualTo(InteractionState.QUEUED);
        // The waiting chat's queue timer kept only what was left of its five minutes.
        events.drain();
        time.advance(Duration.ofSeconds(16));
        assertThat(events.drain()).contains("ended w1 queue-timeout");
    }

    @Test
    void whatEndedBeforeARestartAnswersAsItDidBefore() {
        java.time.Instant now = time.instant();
        Snapshot.InteractionRecord ended = new Snapshot.InteractionRecord("e1", "sales", "c1@x/phone", "c1", "hi",
                now.minusSeconds(60), InteractionState.ENDED, ANN, Set.of(), null, now.minusSeconds(10),
                "agent-ended", null);
        Snapshot.ConsultationRecord consultation = new Snapshot.ConsultationRecord("k1", "e1", ANN, BEN, Set.of(BEN),
                now.minusSeconds(50), ConsultationState.ENDED, BEN, List.of(), now.minusSeconds(10),
                "interaction-ended");
        centre.restore(List.of(), List.of(), List.of());
        centre.restoreEnded(List.of(ended), List.of(consultation), Map.of("k1", Set.of(BEN)));

        assertThatThrownBy(() -> centre.endByAgent(ANN, "e1")).hasFieldOrPropertyWithValue("kind",
                CoreException.Kind.CONFLICT);
        assertThatThrownBy(() -> centre.endByAgent(BEN, "e1")).hasFieldOrPropertyWithValue("kind",
                CoreException.Kind.NOT_FOUND);
        assertThatThrownBy(() -> centre.consultations().done(BEN, "k1", null, null))
                .hasFieldOrPropertyWithValue("kind", CoreException.Kind.CONFLICT);
        assertThatThrownBy(() -> centre.consultations().end(ANN, "k1")).hasFieldOrPropertyWithValue("kind",
                CoreException.Kind.CONFLICT);
        assertThatThrownBy(() -> centre.consultations().done(CAT, "k1", null, null))
                .hasFieldOrPropertyWithValue("kind", CoreException.Kind.NOT_FOUND);
        events.drain();
        centre.consultations().done(ANN, "k1", null, null);
        assertThat(events.drain()).containsExactly("consultation k1 done by " + ANN + " complete");
        assertThat(centre.consultations().consultation("k1").orElseThrow().endReason())
                .isEqualTo(ConsultationEndReason.INTERACTION_ENDED);
        assertThat(centre.consultations().consultation("k1").orElseThrow().done()).containsOnlyKeys(ANN, BEN);
        assertThat(centre.interaction("e1")).isEmpty();
    }

    @Test
    void aRestoredOfferThatRanOutWhileTheServiceWasAwayExpiresAtOnce() {
        java.time.Instant now = time.instant();
        centre.restore(List.of(new Snapshot.AgentRecord(ANN, Readiness.READY, 2, null)),
                List.of(new Snapshot.InteractionRecord("o1", "sales", "c2@x/phone", "c2", "hi", now.minusSeconds(90),
                        InteractionState.OFFERED, null, Set.of(), new Offer("f1", "o1", ANN, now.minusSeconds(60)),
                        null, null, null)), List.of());
        time.advance(Duration.ZERO);
        assertThat(events.drain()).contains("revoked o1 from " + ANN + " timeout");
        assertThat(centre.agent(ANN).orElseThrow().load()).isZero();
    }

    @Test
    void aRelinkedChatIsTheNewAddresssAndNoLongerTheOldOnes() {
        String id = chat("c1@x", "sales");
        chat("c2@x", "sales");
        events.drain();
        centre.relink(id, "guest9@x/web");
        assertThat(events.drain()).containsExactly("relinked " + id + " from c1@x/phone to guest9@x/web");
        assertThat(centre.chatOf("guest9@x/other", "sales")).map(Interaction::id).contains(id);
        assertThat(centre.chatOf("c1@x/phone", "sales")).isEmpty();
        assertThatThrownBy(() -> centre.relink(id, "c2@x/phone")).isInstanceOf(CoreException.class)
                .extracting(e -> ((CoreException) e).kind()).isEqualTo(CoreException.Kind.CONFLICT);
        centre.end(id, EndReason.CONTACT_LEFT);
        assertThat(centre.chatOf("guest9@x/web", "sales")).isEmpty();
        assertThatThrownBy(() -> centre.relink(id, "guest9@x/web")).isInstanceOf(CoreException.class);
    }
}
