package org.chatconsult.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The write-behind journal: in order, durable before its acknowledgements, and it never drops a change. */
class JournalTest {
    @Test
    void acknowledgementsRunOnlyAfterWhatCameBeforeIsCommitted() throws Exception {
        JdbcStore store = Databases.open("jdbc:hsqldb:mem:journal1", "SA", "");
        List<Integer> seenAtAck = new CopyOnWriteArrayList<>();
        try (Journal journal = new Journal(store)) {
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
        try (Journal journal = new Journal(flaky)) {
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
                "jdbc:hsqldb:mem:journal3", "SA", "")));
        for (int i = 1; i <= 1000; i++) {
            journal.append(new Store.Event("c1", i, JdbcStoreTest.T0, "queued", null, null));
        }
        journal.close();
        assertThat(store.events("c1")).hasSize(1000);
    }
}
