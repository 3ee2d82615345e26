package org.chatconsult.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.packet.MUCUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestTemplate;

/**
 * Genesys Workspace's two lessons on a real server: starting a chat consultation (the initiator's side) and receiving
 * one (the target's side), with every way it ends.
 */
@OnBothServers
class ConsultationTest {
    private static final Duration LONG = Duration.ofMinutes(2);
    private static final String SALES = "sales@consult.localhost";

    /** agent1 owns an active chat with a bridged contact; returns the interaction id. */
    static String activeChat(Party owner, Party contact, String... contactLines) throws Exception {
        return activeChatAs(owner, "Agent 1", contact, "Hi, my parcel is late", contactLines);
    }

    /** {@code owner} (in the room as {@code nick}) owns an active chat that {@code contact} opened with {@code first}. */
    static String activeChatAs(Party owner, String nick, Party contact, String first, String... contactLines)
            throws Exception {
        owner.ready();
        contact.chat(SALES, first);
        Message offer = owner.awaitElement("offer");
        owner.join(Party.attr(offer, "offer", "room"), nick);
        contact.awaitBody("has joined the chat");
        for (String line : contactLines) {
            contact.chat(SALES, line);
            owner.awaitMessage(m -> m.getType() == Message.Type.groupchat && line.equals(m.getBody()));
        }
        return Party.attr(offer, "offer", "interaction");
    }

    static IQ consult(Party initiator, String interaction, String target) throws Exception {
        return initiator.command("consult", Map.of("interaction", interaction, "target", target));
    }

    static String roomOf(IQ reply) {
        assertThat(reply.getType()).as(reply.toString()).isEqualTo(IQ.Type.result);
        return Party.ext(reply, "consultation").getAttributeValue("room");
    }

    private static boolean mirrored(Message m, String text) {
        return m.getType() == Message.Type.groupchat && m.hasExtension("mirrored", Party.NS)
                && m.getBody().endsWith(text);
    }

    @TestTemplate
    void initiatorConsultsAnAgentWhoSeesTheWholeTranscriptThenLiveLines(TestServer server) throws Exception {
        try (Party alice = server.connect("agent1");
                Party dora = server.connect("agent4");
                Party carol = server.connectPlain("contact1");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            String interaction = activeChat(alice, carol, "Order 4711", "It was due Monday");
            dora.ready();

            // Initiator: Start Consultation with a target found in the directory.
            IQ reply = consult(alice, interaction, "agent4@localhost");
            String room = roomOf(reply);
            assertThat(Party.ext(reply, "consultation").getAttributeValue("interaction")).isEqualTo(interaction);
            MultiUserChat aliceSide = alice.join(room, "Agent 1");

            // Target: the notification with its preview.
            Message offer = dora.awaitElement("consultation-offer");
            StandardExtensionElement preview = Party.ext(offer, "consultation-offer");
            assertThat(preview.getAttributeValue("interaction")).isEqualTo(interaction);
            assertThat(preview.getAttributeValue("room")).isEqualTo(room);
            assertThat(preview.getFirstElement("initiator").getAttributeValue("jid")).isEqualTo("agent1@localhost");
            assertThat(preview.getFirstElement("contact").getAttributeValue("name")).isEqualTo("contact1");
            assertThat(preview.getFirstElement("routing-point").getAttributeValue("name")).isEqualTo("Sales");
            assertThat(preview.getFirstElement("started")).isNotNull();
            assertThat(preview.getElements("line")).extracting(StandardExtensionElement::getText)
                    .containsExactly("Hi, my parcel is late", "Order 4711", "It was due Monday");

            // Target: Accept.
            MultiUserChat doraSide = dora.join(room, "Agent 4");
            Message accepted = alice.awaitElement("consultation-accepted");
            assertThat(Party.attr(accepted, "consultation-accepted", "target")).isEqualTo("agent4@localhost");

            // Target: the transcript so far, in order, marked as mirrored.
            Message first = dora.awaitMessage(m -> mirrored(m, "Hi, my parcel is late"));
            assertThat(Party.attr(first, "mirrored", "role")).isEqualTo("contact");
            assertThat(Party.attr(first, "mirrored", "from")).isEqualTo("contact1");
            assertThat(Party.attr(first, "mirrored", "seq")).isEqualTo("1");
            assertThat(first.getBody()).contains("contact1 (contact): Hi, my parcel is late");
            dora.awaitMessage(m -> mirrored(m, "It was due Monday"));

            // Then every new line of the contact chat, live, from either side of it.
            carol.chat(SALES, "Can you refund me?");
            dora.awaitMessage(m -> mirrored(m, "Can you refund me?"));
            MultiUserChat aliceContactRoom = org.jivesoftware.smackx.muc.MultiUserChatManager
                    .getInstanceFor(alice.connection()).getMultiUserChat(Party.room(
                            Party.attr(alice.awaitElement("offer"), "offer", "room")));
            aliceContactRoom.sendMessage("Let me ask a colleague.");
            Message agentLine = dora.awaitMessage(m -> mirrored(m, "Let me ask a colleague."));
            assertThat(Party.attr(agentLine, "mirrored", "role")).isEqualTo("agent");

            // Both sides talk privately; the contact hears none of it.
            aliceSide.sendMessage("Can we refund after 30 days?");
            dora.awaitMessage(m -> "Can we refund after 30 days?".equals(m.getBody()));
            doraSide.sendMessage("Yes, with a manager's approval.");
            alice.awaitMessage(m -> "Yes, with a manager's approval.".equals(m.getBody()));

            // The target has no way into the contact room.
            assertThatThrownBy(() -> dora.join(aliceContactRoom.getRoom().toString(), "Agent 4"))
                    .isInstanceOf(XMPPException.XMPPErrorException.class);

            // The contact can neither find nor enter the consultation room.
            try (Party mucCarol = server.connect("contact2")) {
                assertThat(org.jivesoftware.smackx.disco.ServiceDiscoveryManager.getInstanceFor(mucCarol.connection())
                        .discoverItems(Party.jid("conference.localhost")).getItems())
                        .noneMatch(item -> item.getEntityID().toString().equals(room));
                assertThatThrownBy(() -> mucCarol.join(room, "carol"))
                        .isInstanceOf(XMPPException.XMPPErrorException.class)
                        .satisfies(e -> assertThat(((XMPPException.XMPPErrorException) e).getStanzaError()
                                .getCondition()).isEqualTo(StanzaError.Condition.registration_required));
            }

            // The initiator ends it; both are told.
            String consultation = room.substring(0, room.indexOf('@'));
            assertThat(alice.command("end-consultation", Map.of("consultation", consultation)).getType())
                    .isEqualTo(IQ.Type.result);
            assertThat(Party.attr(dora.awaitElement("consultation-ended"), "consultation-ended", "reason"))
                    .isEqualTo("ended-by-initiator");
            assertThat(Party.attr(alice.awaitElement("consultation-ended"), "consultation-ended", "reason"))
                    .isEqualTo("ended-by-initiator");

            carol.barrier(); // whatever the service sent her before has arrived
            assertThat(carol.received()).noneMatch(s -> s.toXML().toString().contains("refund after 30")
                    || s.toXML().toString().contains("manager's approval") || s.toXML().toString().contains(room));
        }
    }

    @TestTemplate
    void routingPointTargetGoesToTheFirstReadyAgentWhoAccepts(TestServer server) throws Exception {
        try (Party alice = server.connect("agent1");
                Party ben = server.connect("agent2");
                Party carol = server.connectPlain("contact1");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            String interaction = activeChat(alice, carol);
            ben.ready();
            // Sales is served by agent1 (the initiator, never offered) and agent2.
            String room = roomOf(consult(alice, interaction, SALES));
            Message offer = ben.awaitElement("consultation-offer");
            ben.join(Party.attr(offer, "consultation-offer", "room"), "Agent 2");
            alice.awaitElement("consultation-accepted");
            assertThat(room).isEqualTo(Party.attr(offer, "consultation-offer", "room"));
        }
    }

    @TestTemplate
    void firstAcceptanceWinsAndTheOtherOfferIsRevoked(TestServer server) throws Exception {
        try (Party alice = server.connect("agent3");
                Party ben = server.connect("agent1");
                Party cid = server.connect("agent2");
                Party carol = server.connectPlain("contact1");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            alice.ready();
            carol.chat("support@consult.localhost", "help");
            Message chatOffer = alice.awaitElement("offer");
            alice.join(Party.attr(chatOffer, "offer", "room"), "Agent 3");
            ben.ready();
            cid.ready();
            roomOf(consult(alice, Party.attr(chatOffer, "offer", "interaction"), SALES));
            Message toBen = ben.awaitElement("consultation-offer");
            Message toCid = cid.awaitElement("consultation-offer");
            cid.join(Party.attr(toCid, "consultation-offer", "room"), "Agent 2");
            Message revoked = ben.awaitElement("revoked");
            assertThat(Party.attr(revoked, "revoked", "reason")).isEqualTo("taken");
            assertThat(Party.attr(revoked, "revoked", "offer")).isEqualTo(Party.attr(toBen, "consultation-offer", "id"));
            assertThatThrownBy(() -> ben.join(Party.attr(toBen, "consultation-offer", "room"), "Agent 1"))
                    .isInstanceOf(XMPPException.XMPPErrorException.class);
        }
    }

    @TestTemplate
    void notAcceptedRequestsAreReleasedAndTheInitiatorToldWhy(TestServer server) throws Exception {
        try (Party alice = server.connect("agent1");
                Party dora = server.connect("agent4");
                Party carol = server.connectPlain("contact1");
                TestServer.Service service = server.service(TestServer.settings(Duration.ofSeconds(1), LONG, 3))) {
            String interaction = activeChat(alice, carol);

            IQ nobody = consult(alice, interaction, "agent4@localhost");
            assertThat(nobody.getError().getCondition()).isEqualTo(StanzaError.Condition.recipient_unavailable);

            dora.ready();
            String declinedRoom = roomOf(consult(alice, interaction, "agent4@localhost"));
            Message offer = dora.awaitElement("consultation-offer");
            assertThat(dora.command("decline", Map.of("offer", Party.attr(offer, "consultation-offer", "id")))
                    .getType()).isEqualTo(IQ.Type.result);
            Message declined = alice.awaitMessage(m -> m.hasExtension("consultation-ended", Party.NS)
                    && declinedRoom.startsWith(Party.attr(m, "consultation-ended", "consultation") + "@"));
            assertThat(Party.attr(declined, "consultation-ended", "reason")).isEqualTo("declined");
            assertThat(declined.getBody()).contains("released");
            EndingTest.assertRoomGone(alice, declinedRoom);

            dora.forget();
            String timedOutRoom = roomOf(consult(alice, interaction, "agent4@localhost"));
            Message timedOut = alice.awaitMessage(m -> m.hasExtension("consultation-ended", Party.NS)
                    && timedOutRoom.startsWith(Party.attr(m, "consultation-ended", "consultation") + "@"));
            assertThat(Party.attr(timedOut, "consultation-ended", "reason")).isEqualTo("timeout");
            assertThat(Party.attr(dora.awaitElement("revoked"), "revoked", "reason")).isEqualTo("timeout");
            EndingTest.assertRoomGone(alice, timedOutRoom);
        }
    }

    @TestTemplate
    void onlyTheOwnerOfAnActiveChatCanConsultAndTargetsMustExist(TestServer server) throws Exception {
        try (Party alice = server.connect("agent1");
                Party ben = server.connect("agent2");
                Party carol = server.connectPlain("contact1");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            String interaction = activeChat(alice, carol);
            ben.ready();
            assertThat(consult(ben, interaction, "agent1@localhost").getError().getCondition())
                    .isEqualTo(StanzaError.Condition.item_not_found);
            assertThat(consult(alice, "no-such-chat", "agent2@localhost").getError().getCondition())
                    .isEqualTo(StanzaError.Condition.item_not_found);
            assertThat(consult(alice, interaction, "stranger@localhost").getError().getCondition())
                    .isEqualTo(StanzaError.Condition.item_not_found);
            assertThat(consult(alice, interaction, "nowhere@consult.localhost").getError().getCondition())
                    .isEqualTo(StanzaError.Condition.item_not_found);
            assertThat(consult(alice, interaction, "agent1@localhost").getError().getCondition())
                    .isEqualTo(StanzaError.Condition.bad_request);
            assertThat(alice.command("consult", Map.of("interaction", interaction)).getError().getCondition())
                    .isEqualTo(StanzaError.Condition.bad_request);
            assertThat(alice.command("end-consultation", Map.of("consultation", "nope")).getError().getCondition())
                    .isEqualTo(StanzaError.Condition.item_not_found);
            alice.command("end", Map.of("interaction", interaction));
            assertThat(consult(alice, interaction, "agent2@localhost").getError().getCondition())
                    .isEqualTo(StanzaError.Condition.conflict);
        }
    }

    @TestTemplate
    void eitherMemberEndsItImsAndCallsTheOtherAndMarksDone(TestServer server) throws Exception {
        try (Party alice = server.connect("agent1");
                Party dora = server.connect("agent4");
                Party carol = server.connectPlain("contact1");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            String interaction = activeChat(alice, carol);
            dora.ready();
            String room = roomOf(consult(alice, interaction, "agent4@localhost"));
            String consultation = room.substring(0, room.indexOf('@'));
            alice.join(room, "Agent 1");
            dora.join(Party.attr(dora.awaitElement("consultation-offer"), "consultation-offer", "room"), "Agent 4");
            alice.awaitElement("consultation-accepted");

            // IM the other party: the service names their session and records it; the message goes 1:1.
            IQ im = alice.command("im", Map.of("consultation", consultation));
            String doraAddress = Party.ext(im, "party").getAttributeValue("jid");
            assertThat(doraAddress).startsWith("agent4@localhost/");
            alice.send(StanzaBuilder.buildMessage().to(Party.jid(doraAddress)).ofType(Message.Type.chat)
                    .setBody("Quick question on the side").addExtension(StandardExtensionElement
                            .builder("context", Party.NS).addAttribute("interaction", interaction)
                            .addAttribute("consultation", consultation).build()).build());
            Message side = dora.awaitBody("Quick question on the side");
            assertThat(Party.attr(side, "context", "consultation")).isEqualTo(consultation);

            // Call the other party: XEP-0353 proposal to the party's full address.
            IQ call = dora.command("call", Map.of("consultation", consultation));
            String aliceAddress = Party.ext(call, "party").getAttributeValue("jid");
            dora.send(StanzaBuilder.buildMessage().to(Party.jid(aliceAddress)).addExtension(StandardExtensionElement
                    .builder("propose", "urn:xmpp:jingle-message:0").addAttribute("id", "call-1")
                    .addElement(StandardExtensionElement.builder("description", "urn:xmpp:jingle:apps:rtp:1")
                            .addAttribute("media", "audio").build()).build()).build());
            alice.awaitMessage(m -> m.hasExtension("propose", "urn:xmpp:jingle-message:0"));

            IQ history = alice.request(historyRequest(interaction));
            List<String> kinds = Party.ext(history, "history").getElements("event").stream()
                    .map(e -> e.getAttributeValue("kind")).toList();
            assertThat(kinds).contains("consultation-requested", "consultation-accepted", "im", "call");
            assertThat(carol.request(historyRequest(interaction)).getError().getCondition())
                    .isEqualTo(StanzaError.Condition.forbidden);

            // The target ends it: the room is destroyed with a reason, and both are told.
            dora.command("end-consultation", Map.of("consultation", consultation));
            Presence destroyed = (Presence) alice.awaitStanza(s -> s instanceof Presence
                    && s.getFrom().asBareJid().toString().equals(room) && MUCUser.from(s) != null
                    && MUCUser.from(s).getDestroy() != null);
            assertThat(MUCUser.from(destroyed).getDestroy().getReason()).contains("ended by the consulted agent");
            assertThat(Party.attr(alice.awaitElement("consultation-ended"), "consultation-ended", "reason"))
                    .isEqualTo("ended-by-target");
            assertThat(Party.attr(dora.awaitElement("consultation-ended"), "consultation-ended", "reason"))
                    .isEqualTo("ended-by-target");

            // Mark Done, each with a disposition and note; the chat with the contact goes on.
            Party.RawIq done = new Party.RawIq("done", Party.NS, Map.of("consultation", consultation,
                    "disposition", "resolved"));
            done.setType(IQ.Type.set);
            done.setTo(Party.jid(TestServer.SERVICE));
            assertThat(dora.request(done).getType()).isEqualTo(IQ.Type.result);
            assertThat(alice.command("done", Map.of("consultation", consultation)).getType()).isEqualTo(IQ.Type.result);
            assertThat(alice.command("done", Map.of("consultation", consultation)).getError().getCondition())
                    .isEqualTo(StanzaError.Condition.conflict);
            carol.chat(SALES, "Still there?");
            alice.awaitMessage(m -> "Still there?".equals(m.getBody()));
        }
    }

    private static IQ historyRequest(String interaction) {
        Party.RawIq iq = new Party.RawIq("history", Party.NS, Map.of("interaction", interaction));
        iq.setType(IQ.Type.get);
        iq.setTo(Party.jid(TestServer.SERVICE));
        return iq;
    }

    @TestTemplate
    void severalConsultationsRunAtOnceAndAllEndWithTheChat(TestServer server) throws Exception {
        try (Party alice = server.connect("agent1");
                Party ben = server.connect("agent2");
                Party dora = server.connect("agent4");
                Party carol = server.connectPlain("contact1");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            String interaction = activeChat(alice, carol);
            ben.ready();
            dora.ready();
            String one = roomOf(consult(alice, interaction, "agent2@localhost"));
            String two = roomOf(consult(alice, interaction, "agent4@localhost"));
            assertThat(one).isNotEqualTo(two);
            ben.join(Party.attr(ben.awaitElement("consultation-offer"), "consultation-offer", "room"), "Agent 2");
            dora.join(Party.attr(dora.awaitElement("consultation-offer"), "consultation-offer", "room"), "Agent 4");
            carol.chat(SALES, "Hello?");
            ben.awaitMessage(m -> mirrored(m, "Hello?"));
            dora.awaitMessage(m -> mirrored(m, "Hello?"));

            carol.chat(SALES, "/end");
            for (Party target : List.of(ben, dora)) {
                assertThat(Party.attr(target.awaitElement("consultation-ended"), "consultation-ended", "reason"))
                        .isEqualTo("interaction-ended");
            }
            EndingTest.assertRoomGone(alice, one);
            EndingTest.assertRoomGone(alice, two);
        }
    }

    /**
     * The workflow's usual order the other way round: the chat ends first (which ends its consultation), then both
     * members mark the consultation done. Each Done is stored and answered; repeating a terminal action is a conflict;
     * and the store goes on taking changes (a new chat's offer, which waits for its change to be stored, comes).
     */
    @TestTemplate
    void doneAfterTheChatEndedIsStoredAndARepeatIsAConflict(TestServer server) throws Exception {
        try (Party alice = server.connect("agent1");
                Party dora = server.connect("agent4");
                Party carol = server.connectPlain("contact1");
                Party next = server.connectPlain("contact2");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            String interaction = activeChat(alice, carol);
            String consultation = acceptedConsultation(alice, dora, interaction);

            carol.chat(SALES, "/end");
            alice.awaitElement("consultation-ended");
            IQ doraDone = dora.command("done", Map.of("consultation", consultation, "disposition", "resolved"));
            assertThat(doraDone.getType()).as(doraDone.toString()).isEqualTo(IQ.Type.result);
            assertThat(alice.command("done", Map.of("consultation", consultation)).getType()).isEqualTo(IQ.Type.result);
            for (Party member : List.of(alice, dora)) {
                assertThat(member.command("done", Map.of("consultation", consultation)).getError().getCondition())
                        .isEqualTo(StanzaError.Condition.conflict);
                assertThat(member.command("end-consultation", Map.of("consultation", consultation)).getError()
                        .getCondition()).isEqualTo(StanzaError.Condition.conflict);
            }
            assertThat(alice.command("end", Map.of("interaction", interaction)).getError().getCondition())
                    .isEqualTo(StanzaError.Condition.conflict);
            assertThat(alice.command("done", Map.of("interaction", interaction)).getError().getCondition())
                    .isEqualTo(StanzaError.Condition.conflict);
            assertThat(dora.command("end", Map.of("interaction", interaction)).getError().getCondition())
                    .isEqualTo(StanzaError.Condition.item_not_found);

            next.chat(SALES, "Anyone there?");
            alice.awaitMessage(m -> Party.attr(m, "offer", "interaction") != null
                    && !interaction.equals(Party.attr(m, "offer", "interaction")));
        }
    }

    /**
     * Lines the service says on someone's behalf carry ids that a restart does not change (XEP-0359 origin-id):
     * a mirrored line its consultation and place in the chat, a line relayed to a bridged contact the id the
     * agent's client gave it. Clients drop a line they have seen by that id.
     */
    @TestTemplate
    void mirroredAndRelayedLinesCarryStableIds(TestServer server) throws Exception {
        try (Party alice = server.connect("agent1");
                Party dora = server.connect("agent4");
                Party carol = server.connectPlain("contact1");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            String interaction = activeChat(alice, carol);
            String consultation = acceptedConsultation(alice, dora, interaction);
            carol.chat(SALES, "Is my refund on its way?");
            Message mirrored = dora.awaitMessage(m -> m.getBody() != null
                    && m.getBody().endsWith("Is my refund on its way?"));
            String seq = Party.attr(mirrored, "mirrored", "seq");
            assertThat(mirrored.getStanzaId()).isEqualTo(consultation + "-" + seq);
            assertThat(originId(mirrored)).isEqualTo(consultation + "-" + seq);

            var chatRoom = org.jivesoftware.smackx.muc.MultiUserChatManager.getInstanceFor(alice.connection())
                    .getMultiUserChat(Party.room(Party.attr(alice.awaitElement("offer"), "offer", "room")));
            Message line = chatRoom.createMessage();
            line.setBody("It is, since this morning.");
            chatRoom.sendMessage(line);
            Message relayed = carol.awaitMessage(m -> m.getBody() != null
                    && m.getBody().endsWith("It is, since this morning."));
            assertThat(originId(relayed)).isEqualTo(line.getStanzaId());
        }
    }

    /** agent4 ({@code dora}) accepts a consultation about {@code interaction} from its owner; returns its id. */
    private static String acceptedConsultation(Party owner, Party dora, String interaction) throws Exception {
        dora.ready();
        String room = roomOf(consult(owner, interaction, "agent4@localhost"));
        dora.join(Party.attr(dora.awaitElement("consultation-offer"), "consultation-offer", "room"), "Agent 4");
        owner.awaitElement("consultation-accepted");
        return room.substring(0, room.indexOf('@'));
    }

    /** The XEP-0359 origin-id of a message, whichever parser read it. */
    private static String originId(Message message) {
        var element = message.getExtensionElement("origin-id", "urn:xmpp:sid:0");
        assertThat(element).as("an origin-id").isNotNull();
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("id=['\"]([^'\"]+)['\"]")
                .matcher(element.toXML().toString());
        return id.find() ? id.group(1) : null;
    }
}
