package org.chatconsult.xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.chatconsult.core.AgentGroup;
import org.chatconsult.core.AgentProfile;
import org.chatconsult.core.Directory;
import org.chatconsult.core.RoutingPoint;
import org.chatconsult.protocol.ConsultationEndReason;
import org.chatconsult.protocol.EndReason;
import org.chatconsult.protocol.RevokeReason;
import org.chatconsult.protocol.Wire;
import org.chatconsult.sdk.AgentManager;
import org.chatconsult.sdk.LiveChat;
import org.chatconsult.sdk.SupervisionInfo;
import org.chatconsult.sdk.packet.AgentStateExtension;
import org.chatconsult.sdk.packet.CommandIQ;
import org.chatconsult.sdk.packet.ConsultationOfferExtension;
import org.chatconsult.sdk.packet.EndedExtension;
import org.chatconsult.sdk.packet.HandoverOfferExtension;
import org.chatconsult.sdk.packet.MirroredExtension;
import org.chatconsult.sdk.packet.NoticeExtension;
import org.chatconsult.sdk.packet.OfferExtension;
import org.chatconsult.sdk.packet.Preview;
import org.chatconsult.sdk.packet.QueueExtension;
import org.chatconsult.sdk.packet.ResumeExtension;
import org.chatconsult.sdk.packet.ResultIQ;
import org.chatconsult.sdk.packet.RevokedExtension;
import org.chatconsult.sdk.packet.SupervisedExtension;
import org.chatconsult.sdk.packet.TranscriptLine;
import org.chatconsult.standalone.ConfiguredDirectory;
import org.chatconsult.xmpp.feature.QueueWaits;
import org.dom4j.Attribute;
import org.dom4j.DocumentException;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;
import org.xmpp.packet.Presence;

/**
 * Everything the service emits the SDK parses, and the reverse, for every element of our namespace. The real
 * service runs in this JVM ({@link InProcessServer}); one flow of two chats makes it send every element and every
 * IQ result. The agents' requests are the SDK's own packets, written by Smack and read by the service as a server
 * hands them over; what the service sends is written by Tinder and read back by Smack with the SDK's parsers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WireCrossParseTest {
    private static final String NS = Wire.NS;
    private static final JID ALICE = new JID("alice@example.com/desk");
    private static final JID BOB = new JID("bob@example.com/desk");
    private static final JID DORA = new JID("dora@example.com/desk");
    /** A supervisor: of the agent group {@link Directory#SUPERVISORS}. */
    private static final JID SUE = new JID("sue@example.com/desk");
    private static final JID CAROL = new JID("carol@example.com/phone");
    /** A contact on a web widget: bridged. */
    private static final JID DAVE = new JID("dave@example.com/" + InProcessServer.WEB);
    private static final JID SALES = new JID("sales@consult.example.com");
    private static final JID SUPPORT = new JID("support@consult.example.com");
    private static final String FIRST_LINE = "Hi, my parcel is late";
    private static final String ROOM_LINE = "It was due on Monday";
    private static final String MIRRORED_LINE = "Can I have a refund?";
    private static final String CONSULTED_LINE = "Which carrier was it?";
    private static final String WHISPER = "Offer the voucher";

    /** The SDK's class for each element the service sends in a message or presence. */
    private static final Map<String, Class<? extends ExtensionElement>> SDK_TYPES = Map.ofEntries(
            Map.entry(Wire.OFFER, OfferExtension.class), Map.entry(Wire.REVOKED, RevokedExtension.class),
            Map.entry(Wire.QUEUE, QueueExtension.class), Map.entry(Wire.ENDED, EndedExtension.class),
            Map.entry(Wire.MIRRORED, MirroredExtension.class), Map.entry(Wire.AGENT, AgentStateExtension.class),
            Map.entry(Wire.CONSULTATION_OFFER, ConsultationOfferExtension.class),
            Map.entry(Wire.CONSULTATION_ACCEPTED, NoticeExtension.class),
            Map.entry(Wire.CONSULTATION_ENDED, NoticeExtension.class),
            Map.entry(Wire.HANDOVER_OFFER, HandoverOfferExtension.class),
            Map.entry(Wire.HANDOVER_ACCEPTED, NoticeExtension.class),
            Map.entry(Wire.HANDOVER_RELEASED, NoticeExtension.class), Map.entry(Wire.JOINED, NoticeExtension.class),
            Map.entry(Wire.RESUME, ResumeExtension.class), Map.entry(Wire.SUPERVISED, SupervisedExtension.class));
    /** Names of Wire that only the SDK writes, to the service: requests. */
    private static final Set<String> REQUESTS_ONLY = Set.of(Wire.DECLINE, Wire.END, Wire.CONFERENCE, Wire.TRANSFER,
            Wire.DONE, Wire.CONSULT, Wire.END_CONSULTATION, Wire.IM, Wire.CALL, Wire.MONITOR, Wire.WHISPER,
            Wire.BARGE, Wire.END_SUPERVISION);
    /** Names of Wire only ever inside another element of ours: an offer's preview, a live chat in a list. */
    private static final Set<String> PARTS = Set.of(Wire.PREVIEW, Wire.CHAT);
    /** The one name nobody here reads: {@code <context/>} goes from agent to agent, never to the service. */
    private static final Set<String> AGENT_TO_AGENT = Set.of(Wire.CONTEXT);

    @TempDir
    static Path dir;

    private InProcessServer server;
    private Jid service;
    /** Each request the SDK wrote, by what it asked, with the service's answer; in order. */
    private final Map<String, Exchange> exchanges = new LinkedHashMap<>();

    private record Exchange(IQ request, IQ answer) {
    }

    // What the flow found out: ids the service chose, and the stanzas that told of them.
    private String chat;
    private String secondChat;
    private String consultation;
    private String supervision;
    private Packet queued;
    private Packet bobReady;
    private Packet aliceReady;
    private Packet offerToBob;
    private Packet chatDeclined;
    private Packet offerToAlice;
    private Packet consultationOffer;
    private Packet consultationAccepted;
    private Packet replayedLine;
    private Packet liveLine;
    private Packet supervisedLine;
    private Packet supervisedConsultationLine;
    private Packet whispered;
    private Packet whisperToldToAlice;
    private Packet bargedIntoChat;
    private Packet bargeToldToAlice;
    private Packet supervisionEndedForAlice;
    private Packet consultationEndedForAlice;
    private Packet consultationEndedForDora;
    private Packet conferenceOffer;
    private Packet conferenceDeclined;
    private Packet conferenceReleased;
    private Packet transferOffer;
    private Packet transferAccepted;
    private Packet carolEnded;
    private Packet daveEnded;
    private Packet daveJoined;

    @BeforeAll
    void runTheFlow() throws Exception {
        Class.forName(AgentManager.class.getName()); // registers the SDK's parsers
        service = JidCreate.domainBareFrom(InProcessServer.SERVICE);
        server = new InProcessServer(directory(), dir.resolve("set-aside.jsonl"));

        // A contact writes while nobody is Ready: queued. Bob takes offers first, and declines.
        deliver(contactMessage(CAROL, SALES, FIRST_LINE));
        queued = awaitSent(CAROL, Wire.QUEUE, e -> true);
        chat = attr(queued, Wire.QUEUE, "interaction");
        bobReady = ready(BOB, 1);
        offerToBob = awaitSent(BOB, Wire.OFFER, e -> chat.equals(e.attributeValue("interaction")));
        ask("decline chat", BOB, CommandIQ.set(service, Wire.DECLINE).with("offer", attr(offerToBob, Wire.OFFER, "id"))
                .child("reason", "On a call"));
        chatDeclined = awaitSent(BOB, Wire.REVOKED, e -> chat.equals(e.attributeValue("interaction")));

        // Dora serves no routing point: she is only consulted. Alice gets the chat and accepts it by entering.
        ready(DORA, 3);
        aliceReady = ready(ALICE, 2);
        offerToAlice = awaitSent(ALICE, Wire.OFFER, e -> chat.equals(e.attributeValue("interaction")));
        deliver(FakeMuc.entered(occupant(chat, "Alice"), serviceOccupant(chat), ALICE, "member"));
        deliver(FakeMuc.entered(occupant(chat, "carol"), serviceOccupant(chat), CAROL, "member"));
        deliver(groupchat(chat, "carol", ROOM_LINE));

        // A consultation with Dora: offered with the chat's last line, accepted, the transcript mirrored to it.
        IQ consult = ask("consult", ALICE, CommandIQ.set(service, Wire.CONSULT).with("interaction", chat)
                .with("target", "dora@example.com"));
        consultation = consult.getChildElement().attributeValue("id");
        consultationOffer = awaitSent(DORA, Wire.CONSULTATION_OFFER,
                e -> consultation.equals(e.attributeValue("consultation")));
        deliver(FakeMuc.entered(occupant(consultation, "Dora"), serviceOccupant(consultation), DORA, "member"));
        consultationAccepted = awaitSent(ALICE, Wire.CONSULTATION_ACCEPTED, e -> true);
        replayedLine = awaitMirrored(1);
        deliver(groupchat(chat, "carol", MIRRORED_LINE));
        liveLine = awaitMirrored(2);

        // Sue supervises: she monitors the chat with its consultations, sees it and Dora's line in the consultation,
        // lists what is live, whispers to Alice, barges in and leaves.
        IQ monitor = ask("monitor", SUE, CommandIQ.set(service, Wire.MONITOR).with("interaction", chat)
                .with("consultations", "true"));
        supervision = monitor.getChildElement().attributeValue("id");
        JID supervisionRoom = new JID(supervision, InProcessServer.MUC, null);
        deliver(FakeMuc.entered(occupant(supervision, "Sue"), serviceOccupant(supervision), SUE, "member"));
        supervisedLine = awaitSent(supervisionRoom, Wire.MIRRORED, e -> e.attributeValue("consultation") == null
                && "2".equals(e.attributeValue("seq")));
        deliver(groupchat(consultation, "Dora", CONSULTED_LINE));
        supervisedConsultationLine = awaitSent(supervisionRoom, Wire.MIRRORED,
                e -> consultation.equals(e.attributeValue("consultation")));
        ask("supervise", SUE, CommandIQ.get(service, Wire.SUPERVISE));
        ask("whisper", SUE, CommandIQ.set(service, Wire.WHISPER).with("supervision", supervision).text(WHISPER));
        whispered = server.await("the whisper in " + supervisionRoom, packet -> supervisionRoom.equals(packet.getTo())
                && packet instanceof Message m && m.getBody() != null && m.getBody().endsWith(WHISPER));
        whisperToldToAlice = awaitSent(ALICE, Wire.SUPERVISED, e -> "whisper".equals(e.attributeValue("action")));
        ask("barge", SUE, CommandIQ.set(service, Wire.BARGE).with("supervision", supervision));
        JID chatRoom = new JID(chat, InProcessServer.MUC, null);
        bargedIntoChat = server.await("the barge-in told in " + chatRoom, packet -> chatRoom.equals(packet.getTo())
                && packet instanceof Message m && "Sue (supervisor) has joined the chat.".equals(m.getBody()));
        bargeToldToAlice = awaitSent(ALICE, Wire.SUPERVISED, e -> "barged".equals(e.attributeValue("action")));
        ask("end supervision", SUE, CommandIQ.set(service, Wire.END_SUPERVISION).with("supervision", supervision));
        supervisionEndedForAlice = awaitSent(ALICE, Wire.SUPERVISED, e -> "ended".equals(e.attributeValue("action")));
        ask("supervisor's history", SUE, CommandIQ.get(service, Wire.HISTORY).with("interaction", chat));

        ask("im", ALICE, CommandIQ.set(service, Wire.IM).with("consultation", consultation));
        ask("call", DORA, CommandIQ.set(service, Wire.CALL).with("consultation", consultation));
        ask("transcript", DORA, CommandIQ.get(service, Wire.TRANSCRIPT).with("consultation", consultation)
                .with("after", "1"));
        ask("add favorite", ALICE, CommandIQ.set(service, Wire.FAVORITES).item("add", "jid", "dora@example.com"));
        ask("favorites", ALICE, CommandIQ.get(service, Wire.FAVORITES));
        ask("recent", ALICE, CommandIQ.get(service, Wire.RECENT));
        ask("end consultation", DORA, CommandIQ.set(service, Wire.END_CONSULTATION)
                .with("consultation", consultation));
        consultationEndedForAlice = awaitSent(ALICE, Wire.CONSULTATION_ENDED, e -> true);
        consultationEndedForDora = awaitSent(DORA, Wire.CONSULTATION_ENDED, e -> true);
        // Mark Done of Alice's part, after the consultation ended: its code goes to the chat's history.
        ask("done consultation", ALICE, CommandIQ.set(service, Wire.DONE).with("consultation", consultation)
                .with("disposition", "advice").child("note", "Dora knew the carrier"));
        ask("history", ALICE, CommandIQ.get(service, Wire.HISTORY).with("interaction", chat));

        // A conference Bob declines, then a warm transfer Dora accepts by entering the chat's room.
        IQ conference = ask("conference", ALICE, CommandIQ.set(service, Wire.CONFERENCE).with("interaction", chat)
                .with("target", "bob@example.com"));
        String conferenceId = conference.getChildElement().attributeValue("id");
        conferenceOffer = awaitSent(BOB, Wire.HANDOVER_OFFER, e -> conferenceId.equals(e.attributeValue("handover")));
        ask("decline conference", BOB, CommandIQ.set(service, Wire.DECLINE)
                .with("offer", attr(conferenceOffer, Wire.HANDOVER_OFFER, "id")));
        conferenceDeclined = awaitSent(BOB, Wire.REVOKED, e -> conferenceId.equals(e.attributeValue("handover")));
        conferenceReleased = awaitSent(ALICE, Wire.HANDOVER_RELEASED, e -> true);
        IQ transfer = ask("transfer", ALICE, CommandIQ.set(service, Wire.TRANSFER).with("interaction", chat)
                .with("target", "dora@example.com").with("mode", "warm"));
        String transferId = transfer.getChildElement().attributeValue("id");
        transferOffer = awaitSent(DORA, Wire.HANDOVER_OFFER, e -> transferId.equals(e.attributeValue("handover")));
        deliver(FakeMuc.entered(occupant(chat, "Dora"), serviceOccupant(chat), DORA, "member"));
        transferAccepted = awaitSent(ALICE, Wire.HANDOVER_ACCEPTED, e -> true);

        // Dora, the owner now, marks the chat done; its record is exported both ways.
        ask("done chat", DORA, CommandIQ.set(service, Wire.DONE).with("interaction", chat)
                .with("disposition", "resolved").child("note", "Refund issued"));
        carolEnded = awaitSent(CAROL, Wire.ENDED, e -> true);
        ask("export json", DORA, CommandIQ.get(service, Wire.EXPORT).with("interaction", chat).with("format", "json"));
        ask("export text", ALICE, CommandIQ.get(service, Wire.EXPORT).with("interaction", chat).with("format", "text"));

        // A second chat, at a routing point only Alice serves, which she ends.
        deliver(contactMessage(DAVE, SUPPORT, "Hello"));
        Packet second = awaitSent(ALICE, Wire.OFFER, e -> !chat.equals(e.attributeValue("interaction")));
        secondChat = attr(second, Wire.OFFER, "interaction");
        deliver(FakeMuc.entered(occupant(secondChat, "Alice"), serviceOccupant(secondChat), ALICE, "member"));
        daveJoined = awaitSent(DAVE, Wire.JOINED, e -> true);
        ask("end", ALICE, CommandIQ.set(service, Wire.END).with("interaction", secondChat));
        daveEnded = awaitSent(DAVE, Wire.ENDED, e -> secondChat.equals(e.attributeValue("interaction")));
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    // ---- the reverse direction: the service reads what the SDK writes ---------------------------------------

    @Test
    void everyRequestTheSdkWritesIsAnsweredWithAResult() {
        exchanges.forEach((what, exchange) -> assertThat(exchange.answer().getType())
                .as(what + ": " + exchange.answer().toXML()).isEqualTo(IQ.Type.result));
    }

    @Test
    void theServiceActsOnEveryAttributeTheSdkWrites() throws Exception {
        // <agent capacity='n'/> in the agent's presence
        assertThat(sdk(bobReady, AgentStateExtension.class).getCapacity()).isEqualTo(1);
        assertThat(sdk(aliceReady, AgentStateExtension.class).getCapacity()).isEqualTo(2);
        // <decline offer='…'/>, for a chat and for a conference
        assertThat(sdk(chatDeclined, RevokedExtension.class).getOffer()).isEqualTo(attr(offerToBob, Wire.OFFER, "id"));
        assertThat(sdk(conferenceDeclined, RevokedExtension.class).getOffer())
                .isEqualTo(attr(conferenceOffer, Wire.HANDOVER_OFFER, "id"));
        // ... and the chat's history keeps what the agent said on declining
        assertThat(events(Wire.HISTORY)).contains("declined bob@example.com " + attr(offerToBob, Wire.OFFER, "id")
                + " declined: On a call");
        // <consult interaction='…' target='…'/>: about that chat, offered to that target
        Element consult = answer("consult");
        assertThat(consult.getName()).isEqualTo(Wire.CONSULTATION);
        assertThat(consult.attributeValue("interaction")).isEqualTo(chat);
        assertThat(consult.attributeValue("room")).isEqualTo(consultation + "@" + InProcessServer.MUC);
        assertThat(consultationOffer.getTo()).isEqualTo(DORA);
        assertThat(events(Wire.HISTORY)).contains("consultation-requested alice@example.com " + consultation
                + " dora@example.com");
        // <im/> and <call/> name the other member's session
        assertThat(answer("im").attributeValue("jid")).isEqualTo(DORA.toString());
        assertThat(answer("call").attributeValue("jid")).isEqualTo(ALICE.toString());
        assertThat(events(Wire.HISTORY)).contains("im alice@example.com " + consultation + " dora@example.com",
                "call dora@example.com " + consultation + " alice@example.com");
        // <transcript after='1'/>: only the lines after the first
        assertThat(answer("transcript").elements("line")).extracting(line -> line.attributeValue("seq"))
                .containsExactly("2");
        // <end-consultation consultation='…'/> by the target
        assertThat(sdk(consultationEndedForDora, NoticeExtension.class, Wire.CONSULTATION_ENDED).getReason())
                .isEqualTo(ConsultationEndReason.ENDED_BY_TARGET.token());
        // <done consultation='…' disposition='…'/>: the code is on the chat's history
        assertThat(events(Wire.HISTORY)).contains("consultation-done alice@example.com " + consultation + " advice");
        // <favorites><add jid='…'/></favorites>, then listed by a get
        for (String what : List.of("add favorite", "favorites")) {
            assertThat(answer(what).elements("item")).extracting(i -> i.attributeValue("jid") + " "
                    + i.attributeValue("kind")).containsExactly("dora@example.com agent");
        }
        // One entry per target, the newest way: the IM after the consultation
        assertThat(answer("recent").elements("item")).extracting(i -> i.attributeValue("jid") + " "
                + i.attributeValue("how") + " " + i.attributeValue("kind"))
                .containsExactly("dora@example.com im agent");
        // <conference target='…'/> and <transfer target='…' mode='warm'/>
        assertThat(answer("conference").attributeValue("kind")).isEqualTo("conference");
        assertThat(conferenceOffer.getTo()).isEqualTo(BOB);
        assertThat(answer("transfer").attributeValue("kind")).isEqualTo("warm-transfer");
        assertThat(answer("transfer").attributeValue("interaction")).isEqualTo(chat);
        assertThat(transferOffer.getTo()).isEqualTo(DORA);
        // <done interaction='…' disposition='…'><note/></done>: kept with the chat's record
        JSONObject disposition = new JSONObject(answer("export json").getText()).getJSONObject("interaction")
                .getJSONObject("disposition");
        assertThat(disposition.getString("by")).isEqualTo("dora@example.com");
        assertThat(disposition.getString("code")).isEqualTo("resolved");
        assertThat(disposition.getString("note")).isEqualTo("Refund issued");
        // <export format='text'/>
        assertThat(answer("export text").attributeValue("format")).isEqualTo("text");
        assertThat(answer("export text").getText()).startsWith("Interaction " + chat);
        // <end interaction='…'/>
        assertThat(sdk(daveEnded, EndedExtension.class).getEndReason()).isEqualTo(EndReason.AGENT_ENDED);

        // <monitor interaction='…' consultations='true'/>: her room, into which the chat and its consultation go
        Element monitored = answer("monitor");
        assertThat(monitored.getName()).isEqualTo(Wire.SUPERVISION);
        assertThat(List.of(a(monitored, "interaction"), a(monitored, "room"), a(monitored, "mode"),
                a(monitored, "consultations"))).containsExactly(chat, supervision + "@" + InProcessServer.MUC,
                        "monitoring", "true");
        assertThat(attr(supervisedConsultationLine, Wire.MIRRORED, "from")).isEqualTo("Dora");
        // <supervise/>: the live chat with its agent, and her supervision of it
        Element listed = answer("supervise").elements(Wire.CHAT).stream()
                .filter(c -> chat.equals(a(c, "id"))).findFirst().orElseThrow();
        assertThat(List.of(a(listed, "agent"), a(listed, "routing-point"), a(listed, "consultations")))
                .containsExactly(ALICE.toBareJID(), "sales", "1");
        assertThat(answer("supervise").elements(Wire.SUPERVISION)).extracting(e -> a(e, "id"))
                .containsExactly(supervision);
        // <whisper supervision='…'>text</whisper>: said in her room for her; Alice is told to read it there
        assertThat(((Message) whispered).getBody()).isEqualTo("Sue (whisper): " + WHISPER);
        assertThat(attr(whisperToldToAlice, Wire.SUPERVISED, "room"))
                .isEqualTo(supervision + "@" + InProcessServer.MUC);
        // <barge supervision='…'/>: she is in the chat, and it says so there
        assertThat(List.of(a(answer("barge"), "mode"), a(answer("barge"), "chat-room")))
                .containsExactly("barged", chat + "@" + InProcessServer.MUC);
        assertThat(bargedIntoChat).isNotNull();
        // <end-supervision supervision='…'/>: the agent is told; the chat's history keeps it all, for supervisors
        assertThat(attr(supervisionEndedForAlice, Wire.SUPERVISED, "supervision")).isEqualTo(supervision);
        assertThat(events(Wire.HISTORY)).noneMatch(event -> event.contains(supervision)); // silent to the agent
        assertThat(events("supervisor's history")).contains("monitored sue@example.com " + supervision
                + " with-consultations",
                "whispered sue@example.com " + supervision + " alice@example.com",
                "barged-in sue@example.com " + supervision,
                "supervision-ended sue@example.com " + supervision + " left");
    }

    // ---- the forward direction: the SDK reads what the service writes --------------------------------------

    @Test
    void everyElementTheServiceSendsParsesIntoItsSdkTypeAndBackUnchanged() throws Exception {
        int checked = 0;
        for (Packet packet : server.sent()) {
            for (Element element : ours(packet)) {
                String where = element.getName() + " in " + packet.toXML();
                Stanza parsed = PacketParserUtils.parseStanza(toClient(packet));
                Element again;
                if (packet instanceof IQ) {
                    assertThat(parsed).as(where).isInstanceOf(ResultIQ.class);
                    StandardExtensionElement payload = ((ResultIQ) parsed).getPayload();
                    assertSameContent(element, payload, where);
                    again = parse(parsed.toXML().toString()).element(element.getName());
                } else {
                    ExtensionElement extension = parsed.getExtensionElement(element.getName(), NS);
                    assertThat(extension).as(where).isNotNull().isNotInstanceOf(StandardExtensionElement.class);
                    assertThat(extension.getClass()).as(where).isEqualTo(SDK_TYPES.get(element.getName()));
                    assertSameValues(element, extension, where);
                    again = parse(extension.toXML().toString());
                }
                assertSameShape(element, again, where);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(20);
    }

    @Test
    void theSdkReadsWhatTheServiceWasGiven() throws Exception {
        QueueExtension queue = sdk(queued, QueueExtension.class);
        assertThat(queue.getPosition()).isEqualTo(1);
        assertThat(queue.getWait()).isEqualTo(QueueWaits.DEFAULT_PER_PLACE.toSeconds());
        assertThat(sdk(aliceReady, AgentStateExtension.class).getReadiness()).isEqualTo("ready");

        OfferExtension offer = sdk(offerToAlice, OfferExtension.class);
        assertThat(offer.getInteraction()).isEqualTo(chat);
        assertThat(offer.getRoom().toString()).isEqualTo(chat + "@" + InProcessServer.MUC);
        assertThat(offer.getContact().toString()).isEqualTo(CAROL.toBareJID());
        assertThat(offer.getContactName()).isEqualTo("carol");
        assertThat(offer.getRoutingPoint().toString()).isEqualTo(SALES.toBareJID());
        assertThat(offer.getRoutingPointName()).isEqualTo("Sales");
        assertThat(offer.getPreview()).isEqualTo(FIRST_LINE);
        assertThat(offer.getExpires()).isAfter(offer.getStarted());
        assertThat(sdk(chatDeclined, RevokedExtension.class).getRevokeReason()).isEqualTo(RevokeReason.DECLINED);

        ConsultationOfferExtension request = sdk(consultationOffer, ConsultationOfferExtension.class);
        assertThat(request.getInteraction()).isEqualTo(chat);
        assertThat(request.getInitiator().toString()).isEqualTo(ALICE.toBareJID());
        assertThat(request.getInitiatorName()).isEqualTo("Alice");
        assertThat(request.getPreview().getContactName()).isEqualTo("carol");
        assertThat(request.getPreview().getLines()).extracting(TranscriptLine::getSeq, TranscriptLine::getFrom,
                TranscriptLine::getRole, TranscriptLine::getText).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1L, "carol", "contact", ROOM_LINE));
        NoticeExtension accepted = sdk(consultationAccepted, NoticeExtension.class, Wire.CONSULTATION_ACCEPTED);
        assertThat(accepted.getConsultation()).isEqualTo(consultation);
        assertThat(accepted.getTarget()).isEqualTo(DORA.toBareJID());
        assertThat(accepted.getName()).isEqualTo("Dora");

        for (Packet line : List.of(replayedLine, liveLine)) {
            MirroredExtension mirrored = sdk(line, MirroredExtension.class);
            assertThat(mirrored.getConsultation()).isEqualTo(consultation);
            assertThat(mirrored.getInteraction()).isEqualTo(chat);
            assertThat(mirrored.getFrom()).isEqualTo("carol");
            assertThat(mirrored.getRole()).isEqualTo("contact");
            assertThat(mirrored.toLine(((Message) line).getBody()).getText())
                    .isEqualTo(mirrored.getSeq() == 1 ? ROOM_LINE : MIRRORED_LINE);
        }
        assertThat(sdk(liveLine, MirroredExtension.class).getSeq()).isEqualTo(2);
        assertThat(ConsultationEndReason.ofToken(sdk(consultationEndedForAlice, NoticeExtension.class,
                Wire.CONSULTATION_ENDED).getReason(), null)).isEqualTo(ConsultationEndReason.ENDED_BY_TARGET);

        HandoverOfferExtension conference = sdk(conferenceOffer, HandoverOfferExtension.class);
        assertThat(conference.getKind()).isEqualTo("conference");
        assertThat(conference.getInitiatorName()).isEqualTo("Alice");
        assertThat(conference.getPreview().getLines()).extracting(TranscriptLine::getSeq).containsExactly(1L, 2L);
        RevokedExtension withdrawn = sdk(conferenceDeclined, RevokedExtension.class);
        assertThat(withdrawn.getHandover()).isEqualTo(conference.getHandover());
        assertThat(withdrawn.getRevokeReason()).isEqualTo(RevokeReason.DECLINED);
        NoticeExtension released = sdk(conferenceReleased, NoticeExtension.class, Wire.HANDOVER_RELEASED);
        assertThat(released.getHandover()).isEqualTo(conference.getHandover());
        assertThat(RevokeReason.ofToken(released.getReason())).isEqualTo(RevokeReason.DECLINED);
        assertThat(sdk(transferOffer, HandoverOfferExtension.class).getKind()).isEqualTo("warm-transfer");
        NoticeExtension transferred = sdk(transferAccepted, NoticeExtension.class, Wire.HANDOVER_ACCEPTED);
        assertThat(transferred.getKind()).isEqualTo("warm-transfer");
        assertThat(transferred.getTarget()).isEqualTo(DORA.toBareJID());
        assertThat(transferred.getName()).isEqualTo("Dora");

        assertThat(sdk(carolEnded, EndedExtension.class).getInteraction()).isEqualTo(chat);
        assertThat(sdk(carolEnded, EndedExtension.class).getEndReason()).isEqualTo(EndReason.AGENT_ENDED);
        assertThat(sdk(daveEnded, EndedExtension.class).getInteraction()).isEqualTo(secondChat);
        NoticeExtension joined = sdk(daveJoined, NoticeExtension.class, Wire.JOINED);
        assertThat(List.of(joined.getInteraction(), joined.getName())).containsExactly(secondChat, "Alice");

        // IQ results, as the SDK's managers read them from ResultIQ
        ResultIQ party = sdkResult("im");
        assertThat(party.getPayload().getAttributeValue("name")).isEqualTo("Dora");
        assertThat(party.getPayload().getAttributeValue("consultation")).isEqualTo(consultation);
        ResultIQ transcript = sdkResult("transcript");
        assertThat(transcript.getItems("line")).extracting(l -> l.getAttributeValue("from") + ": " + l.getText())
                .containsExactly("carol: " + MIRRORED_LINE);
        assertThat(sdkResult("export json").getPayload().getText()).contains("Refund issued");

        // A supervisor's: the mirrored lines name her supervision, and the consultation a line was said in
        MirroredExtension ofChat = sdk(supervisedLine, MirroredExtension.class);
        assertThat(List.of(ofChat.getSupervision(), ofChat.getInteraction())).containsExactly(supervision, chat);
        assertThat(ofChat.getConsultation()).isNull();
        assertThat(ofChat.toLine(((Message) supervisedLine).getBody()).getText()).isEqualTo(MIRRORED_LINE);
        MirroredExtension ofConsultation = sdk(supervisedConsultationLine, MirroredExtension.class);
        assertThat(List.of(ofConsultation.getSupervision(), ofConsultation.getConsultation()))
                .containsExactly(supervision, consultation);
        assertThat(ofConsultation.toLine(((Message) supervisedConsultationLine).getBody()).getText())
                .isEqualTo(CONSULTED_LINE);
        LiveChat live = sdkResult("supervise").getItems(Wire.CHAT).stream().map(LiveChat::from)
                .filter(c -> chat.equals(c.getId())).findFirst().orElseThrow();
        assertThat(List.of(live.getAgent().toString(), live.getAgentName(), live.getRoutingPoint(),
                live.getContactName(), live.getState())).containsExactly(ALICE.toBareJID(), "Alice", "sales", "carol",
                        "active");
        assertThat(live.getAnswered()).isAfterOrEqualTo(live.getStarted());
        assertThat(live.getConsultations()).isEqualTo(1);
        SupervisionInfo hers = SupervisionInfo.from(sdkResult("supervise").getItems(Wire.SUPERVISION).get(0));
        assertThat(List.of(hers.getId(), hers.getInteraction(), hers.getRoom().toString(), hers.getMode()))
                .containsExactly(supervision, chat, supervision + "@" + InProcessServer.MUC, "monitoring");
        assertThat(hers.isWithConsultations()).isTrue();
        assertThat(hers.getChatRoom() == null).isTrue();
        SupervisionInfo barged = SupervisionInfo.from(sdkResult("barge").getPayload());
        assertThat(barged.getChatRoom().toString()).isEqualTo(chat + "@" + InProcessServer.MUC);
        SupervisedExtension whisper = sdk(whisperToldToAlice, SupervisedExtension.class);
        assertThat(List.of(whisper.getAction(), whisper.getSupervisor().toString(), whisper.getName(),
                whisper.getInteraction(), whisper.getRoom().toString())).containsExactly(SupervisedExtension.WHISPER,
                        "sue@example.com", "Sue", chat, supervision + "@" + InProcessServer.MUC);
        assertThat(sdk(bargeToldToAlice, SupervisedExtension.class).getRoom().toString())
                .isEqualTo(chat + "@" + InProcessServer.MUC);
        SupervisedExtension ended = sdk(supervisionEndedForAlice, SupervisedExtension.class);
        assertThat(ended.getAction()).isEqualTo(SupervisedExtension.ENDED);
        assertThat(ended.getRoom() == null).isTrue();
    }

    /** So that a new element without a parser fails: every name of Wire was exercised in its direction. */
    @Test
    void everyNameOfTheWireIsCovered() throws Exception {
        Set<String> all = new TreeSet<>();
        for (Field field : Wire.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
                    && !field.getName().equals("NS")) {
                all.add((String) field.get(null));
            }
        }
        Set<String> emitted = new TreeSet<>(all);
        emitted.removeAll(REQUESTS_ONLY);
        emitted.removeAll(AGENT_TO_AGENT);
        Set<String> seen = new HashSet<>();
        for (Packet packet : server.sent()) {
            for (Element element : ours(packet)) {
                seen.add(element.getName());
                element.elements().forEach(part -> seen.add(part.getName()));
            }
        }
        assertThat(seen).as("sent by the service and parsed by the SDK").containsAll(emitted);
        assertThat(SDK_TYPES.keySet()).as("typed by the SDK").containsAll(emitted.stream()
                .filter(name -> !isResult(name) && !PARTS.contains(name)).collect(Collectors.toSet()));
        Set<String> requested = exchanges.values().stream().map(e -> e.request().getChildElement().getName())
                .collect(Collectors.toSet());
        Set<String> requests = new TreeSet<>(REQUESTS_ONLY);
        requests.addAll(List.of(Wire.HISTORY, Wire.TRANSCRIPT, Wire.FAVORITES, Wire.RECENT, Wire.EXPORT,
                Wire.SUPERVISE));
        assertThat(requested).as("written by the SDK and answered by the service").containsAll(requests);
    }

    // ---- comparing the two sides ---------------------------------------------------------------------------

    /** The typed values the SDK read equal what the service wrote. */
    private static void assertSameValues(Element e, ExtensionElement sdk, String where) {
        switch (e.getName()) {
            case Wire.OFFER -> {
                OfferExtension o = (OfferExtension) sdk;
                assertThat(List.of(o.getId(), o.getInteraction(), o.getRoom().toString(), o.getExpires(),
                        o.getContact().toString(), o.getContactName(), o.getRoutingPoint().toString(),
                        o.getRoutingPointName(), o.getStarted(), o.getPreview())).as(where).containsExactly(
                                a(e, "id"), a(e, "interaction"), a(e, "room"), instant(a(e, "expires")),
                                e.element("contact").attributeValue("jid"), e.element("contact").attributeValue("name"),
                                e.element("routing-point").attributeValue("jid"),
                                e.element("routing-point").attributeValue("name"), instant(e.elementText("started")),
                                e.elementText("preview"));
            }
            case Wire.REVOKED -> {
                RevokedExtension r = (RevokedExtension) sdk;
                assertThat(new Object[] {r.getOffer(), r.getInteraction(), r.getConsultation(), r.getHandover(),
                    r.getReason()}).as(where).containsExactly(a(e, "offer"), a(e, "interaction"),
                            a(e, "consultation"), a(e, "handover"), a(e, "reason"));
                assertThat(r.getRevokeReason()).as(where).isNotNull().isEqualTo(RevokeReason.ofToken(a(e, "reason")));
            }
            case Wire.QUEUE -> {
                QueueExtension q = (QueueExtension) sdk;
                assertThat(q.getInteraction()).as(where).isEqualTo(a(e, "interaction"));
                assertThat(q.getPosition()).as(where).isEqualTo(Integer.parseInt(a(e, "position")));
                assertThat(q.getWait()).as(where).isEqualTo(Long.valueOf(a(e, "wait")));
            }
            case Wire.RESUME -> {
                ResumeExtension r = (ResumeExtension) sdk;
                assertThat(List.of(r.getInteraction(), r.getToken())).as(where)
                        .containsExactly(a(e, "interaction"), a(e, "token"));
                assertThat(r.getToken()).as(where).matches("[A-Za-z0-9_-]{22}");
            }
            case Wire.ENDED -> {
                EndedExtension x = (EndedExtension) sdk;
                assertThat(x.getInteraction()).as(where).isEqualTo(a(e, "interaction"));
                assertThat(x.getEndReason()).as(where).isNotNull().isEqualTo(EndReason.ofToken(a(e, "reason")));
            }
            case Wire.MIRRORED -> {
                MirroredExtension m = (MirroredExtension) sdk;
                assertThat(new Object[] {m.getConsultation(), m.getSupervision(), m.getInteraction(), m.getSeq(),
                    m.getFrom(), m.getRole(), m.getTime()}).as(where).containsExactly(a(e, "consultation"),
                            a(e, "supervision"), a(e, "interaction"), Long.parseLong(a(e, "seq")), a(e, "from"),
                            a(e, "role"), instant(a(e, "time")));
            }
            case Wire.SUPERVISED -> {
                SupervisedExtension x = (SupervisedExtension) sdk;
                assertThat(new Object[] {x.getSupervision(), x.getInteraction(), x.getSupervisor().toString(),
                    x.getName(), x.getAction(), x.getRoom() == null ? null : x.getRoom().toString()}).as(where)
                        .containsExactly(a(e, "supervision"), a(e, "interaction"), a(e, "supervisor"), a(e, "name"),
                                a(e, "action"), a(e, "room"));
            }
            case Wire.AGENT -> {
                AgentStateExtension s = (AgentStateExtension) sdk;
                assertThat(new Object[] {s.getReadiness(), s.getCapacity(), s.getLoad()}).as(where).containsExactly(
                        a(e, "readiness"), Integer.valueOf(a(e, "capacity")), Integer.valueOf(a(e, "load")));
            }
            case Wire.CONSULTATION_OFFER -> {
                ConsultationOfferExtension c = (ConsultationOfferExtension) sdk;
                assertThat(new Object[] {c.getId(), c.getConsultation(), c.getInteraction(), c.getRoom().toString(),
                    c.getExpires(), c.getInitiator().toString(), c.getInitiatorName()}).as(where).containsExactly(
                            a(e, "id"), a(e, "consultation"), a(e, "interaction"), a(e, "room"),
                            instant(a(e, "expires")), e.element("initiator").attributeValue("jid"),
                            e.element("initiator").attributeValue("name"));
                assertSamePreview(e, c.getPreview(), where);
            }
            case Wire.HANDOVER_OFFER -> {
                HandoverOfferExtension h = (HandoverOfferExtension) sdk;
                assertThat(new Object[] {h.getId(), h.getHandover(), h.getKind(), h.getInteraction(),
                    h.getRoom().toString(), h.getExpires(), h.getInitiator().toString(), h.getInitiatorName()})
                        .as(where).containsExactly(a(e, "id"), a(e, "handover"), a(e, "kind"), a(e, "interaction"),
                                a(e, "room"), instant(a(e, "expires")), e.element("initiator").attributeValue("jid"),
                                e.element("initiator").attributeValue("name"));
                assertSamePreview(e, h.getPreview(), where);
            }
            default -> {
                NoticeExtension n = (NoticeExtension) sdk;
                assertThat(new Object[] {n.getElementName(), n.getConsultation(), n.getHandover(), n.getKind(),
                    n.getInteraction(), n.getReason(), n.getTarget(), n.getName()}).as(where).containsExactly(
                            e.getName(), a(e, "consultation"), a(e, "handover"), a(e, "kind"), a(e, "interaction"),
                            a(e, "reason"), a(e, "target"), a(e, "name"));
                if (e.getName().equals(Wire.CONSULTATION_ENDED)) {
                    assertThat(ConsultationEndReason.ofToken(n.getReason(), null)).as(where).isNotNull();
                } else if (e.getName().equals(Wire.HANDOVER_RELEASED)) {
                    assertThat(RevokeReason.ofToken(n.getReason())).as(where).isNotNull();
                }
            }
        }
    }

    private static void assertSamePreview(Element e, Preview p, String where) {
        assertThat(new Object[] {p.getContact().toString(), p.getContactName(), p.getRoutingPoint().toString(),
            p.getRoutingPointName(), p.getStarted()}).as(where).containsExactly(
                    e.element("contact").attributeValue("jid"), e.element("contact").attributeValue("name"),
                    e.element("routing-point").attributeValue("jid"), e.element("routing-point").attributeValue("name"),
                    instant(e.elementText("started")));
        List<String> written = e.elements("line").stream().map(l -> a(l, "seq") + " " + a(l, "from") + " "
                + a(l, "role") + " " + instant(a(l, "time")) + " " + l.getText()).toList();
        List<String> read = p.getLines().stream().map(l -> l.getSeq() + " " + l.getFrom() + " " + l.getRole() + " "
                + l.getTime() + " " + l.getText()).toList();
        assertThat(read).as(where).isEqualTo(written);
    }

    /** An IQ result's payload, as the SDK's {@link ResultIQ} holds it, equals the service's element. */
    private static void assertSameContent(Element e, StandardExtensionElement sdk, String where) {
        assertThat(sdk.getElementName()).as(where).isEqualTo(e.getName());
        assertThat(sdk.getNamespace()).as(where).isEqualTo(NS);
        assertThat(sdk.getAttributes()).as(where).isEqualTo(attributes(e));
        List<Element> children = e.elements();
        List<StandardExtensionElement> read = sdk.getElements();
        assertThat(read).as(where).hasSize(children.size());
        for (int i = 0; i < children.size(); i++) {
            assertThat(read.get(i).getAttributes()).as(where).isEqualTo(attributes(children.get(i)));
            assertThat(nonNull(read.get(i).getText())).as(where).isEqualTo(children.get(i).getText());
        }
        if (children.isEmpty()) {
            assertThat(nonNull(sdk.getText())).as(where).isEqualTo(e.getText());
        }
    }

    /** The SDK's re-serialisation keeps every attribute and child the service wrote, and adds none. */
    private static void assertSameShape(Element written, Element again, String where) {
        assertThat(again).as(where).isNotNull();
        assertThat(again.getName()).as(where).isEqualTo(written.getName());
        assertThat(attributes(again).keySet()).as("attributes of " + written.getName() + ": " + where)
                .isEqualTo(attributes(written).keySet());
        List<Element> children = written.elements();
        List<Element> rewritten = again.elements();
        assertThat(rewritten).extracting(Element::getName).as("children of " + written.getName() + ": " + where)
                .isEqualTo(children.stream().map(Element::getName).toList());
        for (int i = 0; i < children.size(); i++) {
            assertSameShape(children.get(i), rewritten.get(i), where);
        }
        if (children.isEmpty()) {
            assertThat(again.getText()).as("text of " + written.getName() + ": " + where).isEqualTo(written.getText());
        }
    }

    // ---- the flow's helpers --------------------------------------------------------------------------------

    private static ConfiguredDirectory directory() {
        return new ConfiguredDirectory(
                List.of(new AgentProfile("alice@example.com", "Alice"), new AgentProfile("bob@example.com", "Bob"),
                        new AgentProfile("dora@example.com", "Dora"), new AgentProfile("sue@example.com", "Sue")),
                List.of(new RoutingPoint("sales", "Sales", Set.of("alice@example.com", "bob@example.com")),
                        new RoutingPoint("support", "Support", Set.of("alice@example.com"))),
                List.of(new AgentGroup(Directory.SUPERVISORS, "Supervisors", Set.of("sue@example.com"))));
    }

    private void deliver(Packet packet) {
        server.deliver(packet);
    }

    /** An agent goes Ready as the SDK's {@code setReady(capacity)} says it; returns the service's answer. */
    private Packet ready(JID agent, int capacity) throws XmppStringprepException {
        org.jivesoftware.smack.packet.Presence presence = StanzaBuilder.buildPresence().to(service)
                .setMode(org.jivesoftware.smack.packet.Presence.Mode.available)
                .addExtension(AgentStateExtension.capacity(capacity)).build();
        deliver(tinder(presence, Presence::new, agent));
        return awaitSent(agent, Wire.AGENT, e -> String.valueOf(capacity).equals(e.attributeValue("capacity")));
    }

    /** The SDK's request, as Smack writes it, read by the service as the server delivers it; its answer. */
    private IQ ask(String what, JID from, CommandIQ request) {
        IQ iq = tinder(request, IQ::new, from);
        IQ answer = server.request(iq);
        exchanges.put(what, new Exchange(iq, answer));
        assertThat(answer.getType()).as(what + ": " + answer.toXML()).isEqualTo(IQ.Type.result);
        return answer;
    }

    private Element answer(String what) {
        return exchanges.get(what).answer().getChildElement();
    }

    private ResultIQ sdkResult(String what) throws Exception {
        return PacketParserUtils.parseStanza(toClient(exchanges.get(what).answer()));
    }

    /** The chat's history events, as "kind by detail". */
    private List<String> events(String what) {
        return answer(what).elements("event").stream().map(event -> event.attributeValue("kind") + " "
                + event.attributeValue("by") + " " + event.getText()).toList();
    }

    private static <P extends Packet> P tinder(Stanza stanza, Function<Element, P> wrap, JID from) {
        P packet = wrap.apply(parse(stanza.toXML().toString()));
        packet.setFrom(from);
        return packet;
    }

    /**
     * A stanza as the server writes it on a client's stream: Tinder leaves the stanza without a namespace, the
     * stream's is {@code jabber:client} (Smack reads {@code <body/>} only there).
     */
    private static String toClient(Packet packet) {
        String xml = packet.toXML();
        return xml.replaceFirst("^<(message|presence|iq)(?![^>]*\\sxmlns=)", "<$1 xmlns=\"jabber:client\"");
    }

    private static Element parse(String xml) {
        try {
            return DocumentHelper.parseText(xml).getRootElement();
        } catch (DocumentException e) {
            throw new AssertionError("not well-formed: " + xml, e);
        }
    }

    /** The first stanza to {@code to} carrying our element {@code name} that matches. */
    private Packet awaitSent(JID to, String name, Predicate<Element> match) {
        return server.await(name + " to " + to, packet -> to.equals(packet.getTo())
                && ours(packet).stream().anyMatch(e -> e.getName().equals(name) && match.test(e)));
    }

    private Packet awaitMirrored(int seq) {
        JID room = new JID(consultation, InProcessServer.MUC, null);
        return awaitSent(room, Wire.MIRRORED, e -> String.valueOf(seq).equals(e.attributeValue("seq")));
    }

    /** Our elements in a stanza: its extensions, or an IQ's payload. */
    private static List<Element> ours(Packet packet) {
        List<Element> found = new ArrayList<>();
        for (Element child : packet.getElement().elements()) {
            if (NS.equals(child.getNamespaceURI())) {
                found.add(child);
            }
        }
        return found;
    }

    private static String attr(Packet packet, String element, String attribute) {
        return packet.getElement().element(org.dom4j.QName.get(element, NS)).attributeValue(attribute);
    }

    private static <E extends ExtensionElement> E sdk(Packet packet, Class<E> type) throws Exception {
        E extension = PacketParserUtils.parseStanza(toClient(packet)).getExtension(type);
        assertThat(extension).as(type.getSimpleName() + " in " + packet.toXML()).isNotNull();
        return extension;
    }

    private static NoticeExtension sdk(Packet packet, Class<NoticeExtension> type, String element) throws Exception {
        return type.cast(PacketParserUtils.parseStanza(toClient(packet)).getExtensionElement(element, NS));
    }

    private static JID occupant(String room, String nick) {
        return new JID(room, InProcessServer.MUC, nick);
    }

    private static JID serviceOccupant(String room) {
        return new JID(null, InProcessServer.SERVICE, room);
    }

    private static Message contactMessage(JID from, JID to, String body) {
        Message message = new Message();
        message.setType(Message.Type.chat);
        message.setFrom(from);
        message.setTo(to);
        message.setBody(body);
        return message;
    }

    /** A line said in a room, as the MUC delivers it to the service's occupant there. */
    private static Message groupchat(String room, String nick, String body) {
        Message message = contactMessage(occupant(room, nick), serviceOccupant(room), body);
        message.setType(Message.Type.groupchat);
        return message;
    }

    private static boolean isResult(String name) {
        return Set.of(Wire.CONSULTATION, Wire.HANDOVER, Wire.PARTY, Wire.HISTORY, Wire.TRANSCRIPT, Wire.FAVORITES,
                Wire.RECENT, Wire.EXPORT, Wire.SUPERVISE, Wire.SUPERVISION).contains(name);
    }

    private static Map<String, String> attributes(Element e) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Attribute attribute : e.attributes()) {
            map.put(attribute.getName(), attribute.getValue());
        }
        return map;
    }

    private static String a(Element e, String attribute) {
        return e.attributeValue(attribute);
    }

    private static Instant instant(String value) {
        return value == null ? null : Instant.parse(value);
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
