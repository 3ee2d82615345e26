package org.chatconsult.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.chatconsult.sdk.AgentManager;
import org.chatconsult.sdk.Consultation;
import org.chatconsult.sdk.Interaction;
import org.chatconsult.sdk.TranscriptArchive;
import org.chatconsult.store.Databases;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.mam.MamManager;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.xdata.FormField;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * An interaction's stored record after it ended: the agents in it, the consultation's members and supervisors
 * read all of it through the SDK and through a standard archive query (XEP-0313); the contact reads only its
 * own chat; anyone else learns nothing; retention purges it.
 */
@ExtendWith(TestServer.class)
class TranscriptArchiveTest {
    private static final Duration LONG = Duration.ofMinutes(2);
    private static final int CONTACT_LINES = 105; // more than one archive page

    @Test
    void whoMayReadWhatOfAnEndedInteraction(TestServer server) throws Exception {
        String storeUrl = Databases.embeddedUrl(Files.createTempDirectory("chatconsult-archive").toString());
        try (Party alicePhone = server.connect("agent1");
                Party doraPhone = server.connect("agent4");
                Party supervisor = server.connect("agent3");
                Party carol = server.connect("contact5");
                Party stranger = server.connect("stranger")) {
            AgentDesk alice = new AgentDesk(alicePhone);
            AgentDesk dora = new AgentDesk(doraPhone);
            LinkedBlockingQueue<MultiUserChat> invitations = new LinkedBlockingQueue<>();
            MultiUserChatManager.getInstanceFor(carol.connection()).addInvitationListener(
                    (conn, room, inviter, reason, password, message, invitation) -> invitations.add(room));
            String interactionId;
            String consultationId;
            try (TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3),
                    Duration.ofSeconds(30), storeUrl)) {
                alice.agents.setReady();
                dora.agents.setReady();
                carol.chat("sales@consult.localhost", "line 1");
                MultiUserChat carolRoom = invitations.poll(10, TimeUnit.SECONDS);
                carolRoom.join(Resourcepart.from("Carol"));
                Interaction chat = alice.agents.accept(alice.next(alice.chats), "Agent 1");
                for (int i = 2; i <= CONTACT_LINES; i++) {
                    carolRoom.sendMessage("line " + i);
                }
                AgentDesk.waitFor(() -> chat.getMessages().stream()
                        .anyMatch(m -> ("line " + CONTACT_LINES).equals(m.getBody())));
                Consultation consultation = chat.consult(JidCreate.from("agent4@localhost"));
                Consultation doraSide = dora.agents.accept(dora.next(dora.requests), "Agent 4");
                doraSide.send("between us: offer a refund");
                AgentDesk.waitFor(() -> consultation.getMessages().stream()
                        .anyMatch(m -> "between us: offer a refund".equals(m.getBody())));
                chat.markDone("resolved", "refund agreed");
                interactionId = chat.getId();
                consultationId = consultation.getId();
            }

            try (TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3),
                    Duration.ofSeconds(30), storeUrl)) {
                // The owner, through the SDK: every line, the consultation's marked as such, across pages.
                List<TranscriptArchive.Line> all = TranscriptArchive.of(alice.agents).lines(interactionId);
                assertThat(all).filteredOn(l -> l.getConsultation() == null).extracting(TranscriptArchive.Line::getText)
                        .map(t -> t.substring(t.indexOf("line ")))
                        .containsExactlyElementsOf(IntStream.rangeClosed(1, CONTACT_LINES).mapToObj(i -> "line " + i)
                                .toList());
                assertThat(all).filteredOn(l -> l.getConsultation() != null)
                        .extracting(TranscriptArchive.Line::getConsultation, TranscriptArchive.Line::getText)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple(consultationId, "between us: offer a refund"));

                // The consultation's target and a supervisor read the same.
                assertThat(TranscriptArchive.of(dora.agents).lines(interactionId)).hasSameSizeAs(all);
                assertThat(TranscriptArchive.of(AgentManager.getInstanceFor(supervisor.connection()))
                        .lines(interactionId)).hasSameSizeAs(all);

                // The contact, with a stock archive query: its own chat, never a consultation line.
                MamManager.MamQuery contactQuery = mam(carol).queryArchive(interaction(interactionId).build());
                List<String> seen = new java.util.ArrayList<>(bodies(contactQuery));
                while (!contactQuery.isComplete()) {
                    seen.addAll(bodies(contactQuery.pageNext(TranscriptArchive.PAGE)));
                }
                assertThat(seen).hasSize(CONTACT_LINES).noneMatch(b -> b.contains("refund"));

                // Anyone else: the same answer as for an interaction that does not exist.
                XMPPException.XMPPErrorException forbidden = refusal(() ->
                        mam(stranger).queryArchive(interaction(interactionId).build()));
                XMPPException.XMPPErrorException unknown = refusal(() ->
                        mam(stranger).queryArchive(interaction("no-such-chat").build()));
                assertThat(forbidden.getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.item_not_found)
                        .isEqualTo(unknown.getStanzaError().getCondition());

                // Bad queries get precise errors.
                assertThat(refusal(() -> mam(carol).queryArchive(MamManager.MamQueryArgs.builder().build()))
                        .getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.bad_request);
                assertThat(refusal(() -> mam(carol).queryArchive(interaction(interactionId).setResultPageSize(10_000)
                        .build())).getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.not_acceptable);
                assertThat(refusal(() -> mam(carol).queryArchive(interaction(interactionId).afterUid("nope").build()))
                        .getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.item_not_found);

                // The export: the whole record as JSON and as text.
                JSONObject json = new JSONObject(TranscriptArchive.of(alice.agents).export(interactionId,
                        TranscriptArchive.Format.JSON));
                assertThat(json.getJSONObject("interaction").getJSONObject("disposition").getString("code"))
                        .isEqualTo("resolved");
                assertThat(json.getJSONArray("messages").length()).isEqualTo(all.size());
                assertThat(json.getJSONArray("consultations").getJSONObject(0).getString("id")).isEqualTo(consultationId);
                assertThat(json.getJSONArray("events").toList().toString()).contains("consultation-accepted", "ended");
                String text = TranscriptArchive.of(alice.agents).export(interactionId, TranscriptArchive.Format.TEXT);
                assertThat(text).contains("line " + CONTACT_LINES, "[consultation " + consultationId + "]",
                        "Done by agent1@localhost: resolved — refund agreed");
            }

            // With a retention period, a service purges what ended before it.
            try (TestServer.Service purging = server.service(TestServer.settings(LONG, LONG, 3),
                    Duration.ofSeconds(30), storeUrl, Duration.ofMillis(1))) {
                RestartTest.waitLong(() -> {
                    try {
                        TranscriptArchive.of(alice.agents).lines(interactionId);
                        return false;
                    } catch (XMPPException.XMPPErrorException gone) {
                        return gone.getStanzaError().getCondition() == StanzaError.Condition.item_not_found;
                    } catch (Exception e) {
                        return false;
                    }
                });
            }
        }
    }

    private static MamManager mam(Party party) throws Exception {
        return MamManager.getInstanceFor(party.connection(), JidCreate.domainBareFrom(TestServer.SERVICE));
    }

    private static MamManager.MamQueryArgs.Builder interaction(String id) {
        return MamManager.MamQueryArgs.builder()
                .withAdditionalFormField(FormField.textSingleBuilder("interaction").setValue(id).build())
                .setResultPageSizeTo(TranscriptArchive.PAGE);
    }

    private static List<String> bodies(MamManager.MamQuery query) {
        return bodies(query.getMessages());
    }

    private static List<String> bodies(List<org.jivesoftware.smack.packet.Message> messages) {
        return messages.stream().map(org.jivesoftware.smack.packet.Message::getBody).toList();
    }

    private interface Query {
        void run() throws Exception;
    }

    private static XMPPException.XMPPErrorException refusal(Query query) {
        try {
            query.run();
        } catch (XMPPException.XMPPErrorException refused) {
            return refused;
        } catch (Exception other) {
            throw new AssertionError("expected an XMPP error, got " + other, other);
        }
        throw new AssertionError("expected an XMPP error, got a result");
    }
}
