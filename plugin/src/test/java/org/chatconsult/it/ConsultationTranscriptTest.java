package org.chatconsult.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.LongStream;

import org.chatconsult.sdk.Consultation;
import org.chatconsult.sdk.Interaction;
import org.chatconsult.sdk.packet.TranscriptLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestTemplate;
import org.jxmpp.jid.impl.JidCreate;

/** The target's mirrored transcript stays complete, in order and without duplicates across a reconnect. */
@OnBothServers
class ConsultationTranscriptTest {
    private static final Duration LONG = Duration.ofMinutes(2);

    @TestTemplate
    void noGapsOrDuplicatesAfterTheTargetReconnects(TestServer server) throws Exception {
        try (Party alicePhone = server.connect("agent1");
                Party doraPhone = server.connect("agent4");
                Party carol = server.connectPlain("contact1");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            AgentDesk alice = new AgentDesk(alicePhone);
            AgentDesk dora = new AgentDesk(doraPhone);
            alice.agents.setReady();
            dora.agents.setReady();
            carol.chat("sales@consult.localhost", "line 1");
            Interaction chat = alice.agents.accept(alice.next(alice.chats), "Agent 1");
            for (int i = 2; i <= 5; i++) {
                carol.chat("sales@consult.localhost", "line " + i);
            }
            AgentDesk.waitFor(() -> chat.getMessages().size() >= 5);
            chat.consult(JidCreate.from("agent4@localhost"));
            Consultation consultation = dora.agents.accept(dora.next(dora.requests), "Agent 4");
            AgentDesk.waitFor(() -> consultation.getTranscript().size() == 5);

            // The target's client drops off; the chat goes on without it.
            doraPhone.connection().instantShutdown();
            for (int i = 6; i <= 12; i++) {
                carol.chat("sales@consult.localhost", "line " + i);
            }
            AgentDesk.waitFor(() -> chat.getMessages().size() >= 12);
            doraPhone.connection().connect().login();

            AgentDesk.waitFor(() -> consultation.getTranscript().size() == 12);
            doraPhone.barrier(); // any late duplicate has arrived by now
            assertThat(consultation.getTranscript()).extracting(TranscriptLine::getSeq)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, 12).boxed().toList());
            assertThat(consultation.getTranscript()).extracting(TranscriptLine::getText)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, 12).mapToObj(i -> "line " + i).toList());
        }
    }
}
