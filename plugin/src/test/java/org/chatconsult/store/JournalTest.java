package org.chatconsult.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.chatconsult.it.Await;
import org.junit.jupiter.api.Test;

/** The write-behind journal: in order, durable before its acknowledgements, and it never drops a change. */
class JournalTest {
    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    private SetAside setAside() {
        return new SetAside(dir.resolve("set-aside.jsonl"));
    }

    /**
     * What the database refuses for good (a key it holds already, a value too long) is set aside and named in
     * the file; everything around it is written; the answer waiting behind it hears it failed, the next does not;
     * and the journal goes on.
     */
    @Test
    void aChangeRefusedForGoodIsSetAsideAndTheJournalGoesOn() throws Exception {
        JdbcStore store = Databases.open("jdbc:hsqldb:mem:journal4", "SA", "");
        SetAside setAside = setAside();
        List<String> answers = new CopyOnWriteArrayList<>();
        try (Journal journal = new Journal(store, setAside)) {
            journal.append(new Store.Event("c1", 1, JdbcStoreTest.T0, "created", null, null));
            journal.flush().get(10, TimeUnit.SECONDS);
            journal.append(new Store.Event("c1", 2, JdbcStoreTest.T0, "queued", null, null));
            journal.append(new Store.Event("c1", 1, JdbcStoreTest.T0, "done", "ann@example.com", "again"));
            journal.append(new Store.Event("c1", 3, JdbcStoreTest.T0, "x".repeat(5_000), null, null));
            journal.append(new Store.Event("c1", 4, JdbcStoreTest.T0, "ended", null, null));
            journal.afterDurable(() -> answers.add("done"), () -> answers.add("refused"));
            journal.append(new Store.Event("c2", 1, JdbcStoreTest.T0, "created", null, null));
            journal.afterDurable(() -> answers.add("done"), () -> answers.add("refused"));
            assertThat(journal.read(s -> s.events("c2").size()).get(10, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(answers).containsExactly("refused", "done");
            assertThat(store.events("c1")).extracting(Store.Event::kind).containsExactly("created", "queued", "ended");
            assertThat(journal.setAside()).isEqualTo(2);
        }
        List<String> lines = java.nio.file.Files.readAllLines(setAside.file());
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("\"kind\":\"Event\"", "\"detail\":\"again\"", "\"seq\":\"1\"");
    }
    /**
     * A state change and the history entry of the same event are committed together, whatever the writer does in
     * between: killed after one commit, a service would otherwise come back with the one and not the other.
     */
    @Test
    void whatOneEventHandsOverIsCommittedInOneTransaction() throws Exception {
        JdbcStore schema = Databases.open("jdbc:hsqldb:mem:journal7", "SA", "");
        AtomicInteger transactions = new AtomicInteger();
        JdbcStore counted = new JdbcStore(() -> {
            transactions.incrementAndGet();
            return java.sql.DriverManager.getConnection("jdbc:hsqldb:mem:journal7", "SA", "");
        });
        List<String> acknowledged = new CopyOnWriteArrayList<>();
        try (Journal journal = new Journal(counted, setAside())) {
            journal.together(() -> {
                journal.append(new Store.Event("c1", 1, JdbcStoreTest.T0, "consultation-offered", null, null));
                journal.afterDurable(() -> acknowledged.add("offered"));
                // The writer idles meanwhile: had the change been handed over alone, it would be written by now.
                try {
                    Await.until(Duration.ofSeconds(5), "the writer waits",
                            () -> journal.thread().getState() == Thread.State.WAITING);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                assertThat(transactions.get()).isZero();
                journal.append(new Store.Event("c1", 2, JdbcStoreTest.T0, "consultation-accepted", null, null));
            });
            journal.flush().get(10, TimeUnit.SECONDS);
            assertThat(transactions.get()).isEqualTo(1);
            assertThat(acknowledged).containsExactly("offered");
            assertThat(schema.events("c1")).extracting(Store.Event::kind)
                    .containsExactly("consultation-offered", "consultation-accepted");
        }
    }

    @Test
    void acknowledgementsRunOnlyAfterWhatCameBeforeIsCommitted() throws Exception {
        JdbcStore store = Databases.open("jdbc:hsqldb:mem:journal1", "SA", "");
        List<Integer> seenAtAck = new CopyOnWriteArrayList<>();
        try (Journal journal = new Journal(store, setAside())) {
            for (int i = 1; i <= 500; i++) {
                journal.append(new Store.Message("c1", "c1", i, JdbcStoreTest.T0, "Carol", "contact", "line " + i, null));
                if (i % 100 == 0) {
                    journal.afterDurable(() -> {
                        try {
                            seenAtAck.add(store.messages("c1").size());
                        } catch (StoreException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                }
            }
            assertThat(journal.read(s -> s.messages("c1").size()).get(10, TimeUnit.SECONDS)).isEqualTo(500);
            assertThat(seenAtAck).containsExactly(100, 200, 300, 400, 500);
            assertThat(journal.written()).isEqualTo(500);
        }
    }

    @Test
    void aRefusingDatabaseLosesNothingAndIsTriedAgain() throws Exception {
        JdbcStore healthy = Databases.open("jdbc:hsqldb:mem:journal2", "SA", "");
        AtomicInteger refusals = new AtomicInteger(2);
        JdbcStore flaky = new JdbcStore(() -> {
            if (refusals.getAndDecrement() > 0) {
                throw new SQLException("database unreachable");
            }
            return java.sql.DriverManager.getConnection("jdbc:hsqldb:mem:journal2", "SA", "");
        });
        try (Journal journal = new Journal(flaky, setAside())) {
            for (int i = 1; i <= 10; i++) {
                journal.append(new Store.Message("c1", "c1", i, JdbcStoreTest.T0, "Carol", "contact", "l" + i, null));
            }
            journal.flush().get(10, TimeUnit.SECONDS);
        }
        assertThat(healthy.messages("c1")).hasSize(10);
    }

    @Test
    void closingWritesWhatIsLeft() throws Exception {
        JdbcStore store = Databases.open("jdbc:hsqldb:mem:journal3", "SA", "");
        Journal journal = new Journal(new JdbcStore(() -> java.sql.DriverManager.getConnection(
                "jdbc:hsqldb:mem:journal3", "SA", "")), setAside());
        for (int i = 1; i <= 1000; i++) {
            journal.append(new Store.Event("c1", i, JdbcStoreTest.T0, "queued", null, null));
        }
        journal.close();
        assertThat(store.events("c1")).hasSize(1000);
    }

    /**
     * The database out of reach for a while: answers keep going out at once, reads fail at once instead of
     * waiting, the statistics say so, and once it is back every change held meanwhile is written.
     */
    @Test
    void whileTheDatabaseIsOutOfReachTheJournalKeepsAnsweringAndLosesNothing() throws Exception {
        JdbcStore healthy = Databases.open("jdbc:hsqldb:mem:journal5", "SA", "");
        java.util.concurrent.atomic.AtomicBoolean down = new java.util.concurrent.atomic.AtomicBoolean();
        JdbcStore store = new JdbcStore(() -> {
            if (down.get()) {
                throw new SQLException("connection refused", "08001");
            }
            return java.sql.DriverManager.getConnection("jdbc:hsqldb:mem:journal5", "SA", "");
        });
        try (Journal journal = new Journal(store, setAside())) {
            down.set(true);
            for (int i = 1; i <= 100; i++) {
                journal.append(new Store.Message("c1", "c1", i, JdbcStoreTest.T0, "Carol", "contact", "l" + i, null));
                if (i % 25 == 0) {
                    long start = System.nanoTime();
                    journal.flush().get(3, TimeUnit.SECONDS);
                    assertThat(System.nanoTime() - start).as("an answer while the store is down")
                            .isLessThan(TimeUnit.SECONDS.toNanos(3));
                }
            }
            assertThat(journal.isRetrying()).isTrue();
            assertThat(journal.held()).isGreaterThan(0);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> journal.read(s -> s.messages("c1")).get(3,
                    TimeUnit.SECONDS)).hasCauseInstanceOf(StoreException.class);
            down.set(false);
            // No verdict here: the reads below say what came of it.
            Await.within(Duration.ofSeconds(40), () -> !journal.isRetrying());
            assertThat(journal.read(s -> s.messages("c1").size()).get(10, TimeUnit.SECONDS)).isEqualTo(100);
            assertThat(journal.held()).isZero();
            assertThat(journal.setAside()).isZero();
        }
        assertThat(healthy.messages("c1")).extracting(Store.Message::seq).hasSize(100).isSorted();
    }

    /** Closing while the database is still out of reach: what is held goes to the set-aside file, not away. */
    @Test
    void closingWhileTheDatabaseIsAwaySetsWhatIsHeldAside() throws Exception {
        SetAside setAside = setAside();
        Journal journal = new Journal(new JdbcStore(() -> {
            throw new SQLException("connection refused", "08001");
        }), setAside);
        for (int i = 1; i <= 5; i++) {
            journal.append(new Store.Event("c1", i, JdbcStoreTest.T0, "queued", null, null));
        }
        journal.close();
        assertThat(java.nio.file.Files.readAllLines(setAside.file())).hasSize(5)
                .allMatch(line -> line.contains("\"kind\":\"Event\""));
    }
}
