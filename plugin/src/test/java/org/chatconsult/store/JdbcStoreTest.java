package org.chatconsult.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.chatconsult.core.ConsultationState;
import org.chatconsult.core.Disposition;
import org.chatconsult.core.InteractionState;
import org.chatconsult.core.Offer;
import org.chatconsult.core.Readiness;
import org.chatconsult.core.Snapshot;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The store against the two embedded databases it runs on here: HSQLDB (the default, and Openfire's) and H2. */
class JdbcStoreTest {
    private static final AtomicInteger NAMES = new AtomicInteger();
    static final Instant T0 = Instant.parse("2026-11-27T10:00:00.123Z");

    static Stream<String> databases() {
        return Stream.of("jdbc:hsqldb:mem:store" + NAMES.incrementAndGet(),
                "jdbc:h2:mem:store" + NAMES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
    }

    static Snapshot.InteractionRecord chat(String id, InteractionState state, Instant ended) {
        return new Snapshot.InteractionRecord(id, "sales", "carol@example.com/web", "Carol", "my parcel?", T0, state,
                state == InteractionState.ACTIVE ? "alice@example.com" : null, Set.of("bob@example.com"),
                state == InteractionState.OFFERED ? new Offer("o1", id, "alice@example.com", T0.plusSeconds(30)) : null,
                ended, ended == null ? null : "agent-ended",
                ended == null ? null : new Disposition("alice@example.com", "resolved", "sent a new one", ended));
    }

    static Snapshot.ConsultationRecord consultation(String id, String chat, Instant ended) {
        return new Snapshot.ConsultationRecord(id, chat, "alice@example.com", "sales", Set.of("bob@example.com",
                "dora@example.com"), T0.plusSeconds(5), ConsultationState.OFFERED, null,
                List.of(new Offer("p1", id, "bob@example.com", T0.plusSeconds(35)),
                        new Offer("p2", id, "dora@example.com", T0.plusSeconds(35))), ended, null);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void keepsTheNewestStateOfWhatIsLive(String url) throws Exception {
        try (JdbcStore store = Databases.open(url, "SA", "")) {
            store.write(new Batch().add(new Snapshot.AgentRecord("alice@example.com", Readiness.READY, 3, "alice@example.com/desk"))
                    .add(chat("c1", InteractionState.QUEUED, null))
                    .add(chat("c1", InteractionState.OFFERED, null))
                    .add(chat("c2", InteractionState.ACTIVE, null)));
            store.write(new Batch().add(new Snapshot.AgentRecord("alice@example.com", Readiness.NOT_READY, 2, null))
                    .add(consultation("k1", "c2", null))
                    .add(chat("c3", InteractionState.ACTIVE, T0.plusSeconds(60))));

            Store.Live live = store.live();
            assertThat(live.agents()).containsExactly(
                    new Snapshot.AgentRecord("alice@example.com", Readiness.NOT_READY, 2, null));
            assertThat(live.interactions()).extracting(Snapshot.InteractionRecord::id).containsExactlyInAnyOrder("c1", "c2");
            assertThat(live.interactions()).filteredOn(i -> i.id().equals("c1")).singleElement()
                    .isEqualTo(chat("c1", InteractionState.OFFERED, null));
            assertThat(live.consultations()).containsExactly(consultation("k1", "c2", null));
            assertThat(store.interaction("c3")).contains(chat("c3", InteractionState.ACTIVE, T0.plusSeconds(60)));
            assertThat(store.interaction("nope")).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void keepsEveryLineAndEventInOrder(String url) throws Exception {
        try (JdbcStore store = Databases.open(url, "SA", "")) {
            String longLine = "x".repeat(20_000);
            store.write(new Batch()
                    .add(new Store.Message("c1", "c1", 1, T0, "Carol", "contact", "hello", "m1"))
                    .add(new Store.Message("c1", "c1", 2, T0.plusMillis(5), "Alice", "agent", "hi Carol", null))
                    .add(new Store.Message("c1", "k1", 1, T0.plusMillis(7), "Alice", "agent", longLine, "m3"))
                    .add(new Store.Message("c9", "c9", 1, T0, "Eve", "contact", "elsewhere", null))
                    .add(new Store.Event("c1", 1, T0, "created", "carol@example.com/web", "sales"))
                    .add(new Store.Event("c1", 2, T0.plusMillis(1), "offered", "alice@example.com", "o1")));

            assertThat(store.messages("c1")).extracting(Store.Message::body)
                    .containsExactly("hello", "hi Carol", longLine);
            assertThat(store.messages("c1").get(0))
                    .isEqualTo(new Store.Message("c1", "c1", 1, T0, "Carol", "contact", "hello", "m1"));
            assertThat(store.events("c1")).extracting(Store.Event::kind).containsExactly("created", "offered");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void findsTheNewestOfWhatEndedSinceATimeWithDoneMarksAndLastEventNumbers(String url) throws Exception {
        try (JdbcStore store = Databases.open(url, "SA", "")) {
            store.write(new Batch().add(chat("old", InteractionState.ACTIVE, T0.plusSeconds(10)))
                    .add(chat("first", InteractionState.ACTIVE, T0.plusSeconds(100)))
                    .add(chat("second", InteractionState.ACTIVE, T0.plusSeconds(200)))
                    .add(chat("third", InteractionState.ACTIVE, T0.plusSeconds(300)))
                    .add(chat("live", InteractionState.ACTIVE, null))
                    .add(consultation("k-live", "live", null))
                    .add(consultation("k1", "second", T0.plusSeconds(150)))
                    .add(consultation("k2", "live", T0.plusSeconds(250)))
                    .add(new Store.Event("second", 1, T0, "created", null, "sales"))
                    .add(new Store.Event("second", 7, T0.plusSeconds(160), "consultation-done", "bob@example.com",
                            "k1 resolved"))
                    .add(new Store.Event("second", 8, T0.plusSeconds(170), "consultation-done", "alice@example.com",
                            "k1"))
                    .add(new Store.Event("old", 3, T0.plusSeconds(5), "consultation-done", "alice@example.com",
                            "k-old")));

            Store.Ended ended = store.endedSince(T0.plusSeconds(50), 2);

            assertThat(ended.interactions()).extracting(Snapshot.InteractionRecord::id)
                    .containsExactly("second", "third");
            assertThat(ended.consultations()).extracting(Snapshot.ConsultationRecord::id).containsExactly("k1", "k2");
            assertThat(ended.doneBy()).containsOnly(Map.entry("k1", Set.of("bob@example.com", "alice@example.com")),
                    Map.entry("k2", Set.of()));
            assertThat(ended.lastEvents()).containsOnly(Map.entry("second", 8L));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void purgesWhatEndedBeforeTheCutoffWithItsLinesAndNothingElse(String url) throws Exception {
        try (JdbcStore store = Databases.open(url, "SA", "")) {
            store.write(new Batch().add(chat("old", InteractionState.ACTIVE, T0.plusSeconds(10)))
                    .add(chat("recent", InteractionState.ACTIVE, T0.plusSeconds(1000)))
                    .add(chat("live", InteractionState.ACTIVE, null))
                    .add(consultation("k-old", "old", T0.plusSeconds(9)))
                    .add(new Store.Message("old", "old", 1, T0, "Carol", "contact", "bye", null))
                    .add(new Store.Message("old", "k-old", 1, T0, "Alice", "agent", "psst", null))
                    .add(new Store.Event("old", 1, T0, "created", null, null))
                    .add(new Store.Message("recent", "recent", 1, T0, "Carol", "contact", "hi", null)));

            assertThat(store.purgeEndedBefore(T0.plusSeconds(500))).isEqualTo(1);

            assertThat(store.interaction("old")).isEmpty();
            assertThat(store.messages("old")).isEmpty();
            assertThat(store.events("old")).isEmpty();
            assertThat(store.consultations("old")).isEmpty();
            assertThat(store.interaction("recent")).isPresent();
            assertThat(store.messages("recent")).hasSize(1);
            assertThat(store.live().interactions()).extracting(Snapshot.InteractionRecord::id).containsExactly("live");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aSecondOpeningFindsTheSchemaAndTheData(String url) throws Exception {
        JdbcStore first = Databases.open(url, "SA", "");
        first.write(new Batch().add(chat("c1", InteractionState.ACTIVE, null)));
        try (JdbcStore second = Databases.open(url, "SA", "")) {
            assertThat(second.live().interactions()).hasSize(1);
        }
    }
}
