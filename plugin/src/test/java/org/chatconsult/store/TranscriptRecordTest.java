package org.chatconsult.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chatconsult.store.JdbcStoreTest.T0;

import java.util.List;

import org.chatconsult.core.InteractionState;
import org.chatconsult.core.TranscriptAccess;
import org.junit.jupiter.api.Test;

/** A chat's record with a consultation and two supervisions beside it: how it is labelled and who sees what. */
class TranscriptRecordTest {
    private final TranscriptRecord record = new TranscriptRecord(
            JdbcStoreTest.chat("c1", InteractionState.ACTIVE, T0.plusSeconds(60)),
            List.of(JdbcStoreTest.consultation("k1", "c1", T0.plusSeconds(50))),
            List.of(new Store.Message("c1", "c1", 1, T0, "Carol", "contact", "my parcel?", null),
                    new Store.Message("c1", "k1", 1, T0.plusSeconds(6), "Alice", "agent", "seen this one?", null),
                    new Store.Message("c1", "s1", 1, T0.plusSeconds(8), "Sue", "supervisor", "offer a refund", null),
                    new Store.Message("c1", "s1", 2, T0.plusSeconds(9), "Alice", "agent", "will do", null),
                    new Store.Message("c1", "s2", 1, T0.plusSeconds(9), "Sam", "supervisor", "and a voucher", null),
                    new Store.Message("c1", "c1", 2, T0.plusSeconds(10), "Alice", "agent", "a refund, then", null)),
            List.of(new Store.Event("c1", 1, T0, "created", "carol@example.com/web", "sales"),
                    new Store.Event("c1", 2, T0.plusSeconds(5), "consultation-requested", "alice@example.com",
                            "k1 sales"),
                    new Store.Event("c1", 3, T0.plusSeconds(7), InteractionLog.MONITORED, "sue@example.com", "s1"),
                    new Store.Event("c1", 4, T0.plusSeconds(8), "whispered", "sue@example.com",
                            "s1 alice@example.com"),
                    new Store.Event("c1", 5, T0.plusSeconds(8), InteractionLog.MONITORED, "sam@example.com",
                            "s2 with-consultations"),
                    new Store.Event("c1", 6, T0.plusSeconds(60), "ended", null, "agent-ended")));

    @Test
    void theLogNamesTheSupervisions() {
        assertThat(record.supervisions()).containsExactlyInAnyOrder("s1", "s2");
    }

    @Test
    void theTextExportLabelsSupervisionLinesAsSuch() {
        assertThat(TranscriptExport.text(record)).contains(
                "] Carol (contact): my parcel?\n",
                "] [consultation k1] Alice (agent): seen this one?\n",
                "] [supervision s1] Sue (supervisor): offer a refund\n",
                "] [supervision s1] Alice (agent): will do\n",
                "] [supervision s2] Sam (supervisor): and a voucher\n")
                .doesNotContain("[consultation s1]", "[consultation s2]");
    }

    @Test
    void theContactSeesHerChatOnlyNeverAConsultationOrASupervision() {
        TranscriptRecord hers = record.visibleAs(TranscriptAccess.Scope.CONTACT_ROOM);
        assertThat(hers.messages()).extracting(Store.Message::body).containsExactly("my parcel?", "a refund, then");
        assertThat(hers.consultations()).isEmpty();
        assertThat(hers.events()).isEmpty();
        assertThat(TranscriptExport.text(hers) + TranscriptExport.json(hers))
                .doesNotContain("offer a refund", "will do", "voucher", "s1", "s2", "k1", "sue@", "Sue");
    }

    @Test
    void theChatsPartiesSeeAllButItsSupervision() {
        TranscriptRecord theirs = record.visibleAs(TranscriptAccess.Scope.PARTIES);
        assertThat(theirs.messages()).extracting(Store.Message::body)
                .containsExactly("my parcel?", "seen this one?", "a refund, then");
        assertThat(theirs.events()).extracting(Store.Event::kind)
                .containsExactly("created", "consultation-requested", "ended");
        assertThat(TranscriptExport.text(theirs) + TranscriptExport.json(theirs))
                .doesNotContain("offer a refund", "voucher", "sue@", "sam@");
    }

    @Test
    void everythingIsEverything() {
        assertThat(record.visibleAs(TranscriptAccess.Scope.EVERYTHING)).isSameAs(record);
    }
}
