package org.chatconsult.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.chatconsult.sdk.packet.CommandIQ;
import org.chatconsult.sdk.packet.ConsultationOfferExtension;
import org.chatconsult.sdk.packet.ContextExtension;
import org.chatconsult.sdk.packet.HandoverOfferExtension;
import org.chatconsult.sdk.packet.MirroredExtension;
import org.chatconsult.sdk.packet.NoticeExtension;
import org.chatconsult.sdk.packet.ResultIQ;
import org.chatconsult.sdk.packet.TranscriptLine;
import org.jivesoftware.smack.packet.IQ;
import org.chatconsult.sdk.packet.AgentStateExtension;
import org.chatconsult.sdk.packet.EndedExtension;
import org.chatconsult.sdk.packet.OfferExtension;
import org.chatconsult.sdk.packet.QueueExtension;
import org.chatconsult.sdk.packet.RevokedExtension;
import org.chatconsult.sdk.packet.SupervisedExtension;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/** The SDK reads and writes the XML of docs/protocol.md. */
class ProtocolElementsTest {
    @BeforeAll
    static void loadProviders() throws ClassNotFoundException {
        Class.forName(AgentManager.class.getName()); // registers the parsers
    }

    private static Message message(String xml) throws Exception {
        return PacketParserUtils.parseStanza(xml);
    }

    @Test
    void offerRoundTrip() throws Exception {
        String xml = "<message from='sales@consult.example.com' to='alice@example.com/desk'>"
                + "<offer xmlns='urn:chatconsult:0' id='p7c2m9x4r8tb' interaction='k3v9q2xw7hmp'"
                + " room='k3v9q2xw7hmp@conference.example.com' expires='2026-11-27T16:40:56Z'>"
                + "<contact jid='carol@example.com' name='carol'/>"
                + "<routing-point jid='sales@consult.example.com' name='Sales'/>"
                + "<started>2026-11-27T16:40:26.016Z</started>"
                + "<preview>Hi, my parcel is late</preview></offer>"
                + "<x xmlns='jabber:x:conference' jid='k3v9q2xw7hmp@conference.example.com'/></message>";
        OfferExtension offer = OfferExtension.from(message(xml));
        assertThat(offer.getId()).isEqualTo("p7c2m9x4r8tb");
        assertThat(offer.getInteraction()).isEqualTo("k3v9q2xw7hmp");
        assertThat(offer.getRoom().toString()).isEqualTo("k3v9q2xw7hmp@conference.example.com");
        assertThat(offer.getExpires()).isEqualTo(Instant.parse("2026-11-27T16:40:56Z"));
        assertThat(offer.getContact().toString()).isEqualTo("carol@example.com");
        assertThat(offer.getContactName()).isEqualTo("carol");
        assertThat(offer.getRoutingPoint().toString()).isEqualTo("sales@consult.example.com");
        assertThat(offer.getRoutingPointName()).isEqualTo("Sales");
        assertThat(offer.getStarted()).isEqualTo(Instant.parse("2026-11-27T16:40:26.016Z"));
        assertThat(offer.getPreview()).isEqualTo("Hi, my parcel is late");

        OfferExtension again = OfferExtension.from(message("<message>" + offer.toXML() + "</message>"));
        assertThat(again).usingRecursiveComparison().isEqualTo(offer);
    }

    @Test
    void noticesRoundTrip() throws Exception {
        Message revoked = message("<message><revoked xmlns='urn:chatconsult:0' offer='p7' interaction='k3'"
                + " consultation='t8' reason='taken'/></message>");
        assertThat(revoked.getExtension(RevokedExtension.class))
                .extracting("offer", "interaction", "consultation", "handover", "reason")
                .containsExactly("p7", "k3", "t8", null, "taken");
        Message queue = message("<message><queue xmlns='urn:chatconsult:0' interaction='k3' position='2'"
                + " wait='120'/></message>");
        assertThat(queue.getExtension(QueueExtension.class)).extracting("position", "wait").containsExactly(2, 120L);
        Message older = message("<message><queue xmlns='urn:chatconsult:0' interaction='k3' position='2'/></message>");
        assertThat(older.getExtension(QueueExtension.class).getWait()).isNull();
        Message ended = message("<message><ended xmlns='urn:chatconsult:0' interaction='k3' reason='agent-ended'/>"
                + "</message>");
        assertThat(ended.getExtension(EndedExtension.class).getReason()).isEqualTo("agent-ended");
        for (Message m : new Message[] {revoked, queue, ended}) {
            assertThat(message(m.toXML().toString()).getExtensions()).hasSize(1);
        }
    }

    @Test
    void agentStateRoundTrip() throws Exception {
        Presence presence = PacketParserUtils.parseStanza("<presence from='consult.example.com'>"
                + "<agent xmlns='urn:chatconsult:0' readiness='ready' capacity='2' load='1'/></presence>");
        AgentStateExtension state = presence.getExtension(AgentStateExtension.class);
        assertThat(state).extracting("readiness", "capacity", "load").containsExactly("ready", 2, 1);
        assertThat(AgentStateExtension.capacity(3).toXML().toString())
                .isEqualTo("<agent xmlns='urn:chatconsult:0' capacity='3'/>");
    }

    @Test
    void commandsAreWrittenAsDocumented() throws Exception {
        var service = JidCreate.domainBareFrom("consult.example.com");
        assertThat(CommandIQ.set(service, "decline").with("offer", "p7").child("reason", null)
                .getChildElementXML().toString()).isEqualTo("<decline xmlns='urn:chatconsult:0' offer='p7'/>");
        assertThat(CommandIQ.set(service, "decline").with("offer", "p7").child("reason", "busy")
                .getChildElementXML().toString())
                .isEqualTo("<decline xmlns='urn:chatconsult:0' offer='p7'><reason>busy</reason></decline>");
        assertThat(CommandIQ.set(service, "consult").with("interaction", "k3").with("target", "dora@example.com")
                .getChildElementXML().toString())
                .isEqualTo("<consult xmlns='urn:chatconsult:0' interaction='k3' target='dora@example.com'/>");
        assertThat(CommandIQ.set(service, "done").with("consultation", "t8").with("disposition", "resolved")
                .child("note", "Refund approved by a manager").getChildElementXML().toString())
                .isEqualTo("<done xmlns='urn:chatconsult:0' consultation='t8' disposition='resolved'>"
                        + "<note>Refund approved by a manager</note></done>");
        assertThat(CommandIQ.set(service, "favorites").item("add", "jid", "dora@example.com")
                .getChildElementXML().toString())
                .isEqualTo("<favorites xmlns='urn:chatconsult:0'><add jid='dora@example.com'/></favorites>");
    }

    @Test
    void consultationOfferRoundTrip() throws Exception {
        Message message = message("<message from='consult.example.com' to='dora@example.com/desk'>"
                + "<consultation-offer xmlns='urn:chatconsult:0' id='w2x9c4v7b3nm' consultation='t8m2w6q9z3cd'"
                + " interaction='k3v9q2xw7hmp' room='t8m2w6q9z3cd@conference.example.com'"
                + " expires='2026-11-27T16:43:10Z'>"
                + "<initiator jid='alice@example.com' name='Alice'/>"
                + "<contact jid='carol@example.com' name='carol'/>"
                + "<routing-point jid='sales@consult.example.com' name='Sales'/>"
                + "<started>2026-11-27T16:40:26.016Z</started>"
                + "<line from='carol' role='contact' time='2026-11-27T16:40:26.030Z'>Hi, my parcel is late</line>"
                + "</consultation-offer></message>");
        ConsultationOfferExtension offer = message.getExtension(ConsultationOfferExtension.class);
        assertThat(offer.getConsultation()).isEqualTo("t8m2w6q9z3cd");
        assertThat(offer.getInitiatorName()).isEqualTo("Alice");
        assertThat(offer.getPreview().getContactName()).isEqualTo("carol");
        assertThat(offer.getPreview().getLines()).extracting(TranscriptLine::getText)
                .containsExactly("Hi, my parcel is late");
        ConsultationOfferExtension again = message("<message>" + offer.toXML() + "</message>")
                .getExtension(ConsultationOfferExtension.class);
        assertThat(again).usingRecursiveComparison().isEqualTo(offer);

        Message handover = message("<message><handover-offer xmlns='urn:chatconsult:0' id='o1' handover='h1'"
                + " kind='warm-transfer' interaction='k3' room='k3@conference.example.com'>"
                + "<initiator jid='alice@example.com' name='Alice'/></handover-offer></message>");
        assertThat(handover.getExtension(HandoverOfferExtension.class).getKind()).isEqualTo("warm-transfer");
    }

    @Test
    void mirroredNoticeAndContextRoundTrip() throws Exception {
        Message mirrored = message("<message xmlns='jabber:client' type='groupchat'><body>[16:40:26] carol (contact): Hi (again): yes</body>"
                + "<mirrored xmlns='urn:chatconsult:0' consultation='t8' interaction='k3' seq='1'"
                + " from='carol' role='contact' time='2026-11-27T16:40:26.030Z'/></message>");
        MirroredExtension line = MirroredExtension.from(mirrored);
        assertThat(line.getSeq()).isEqualTo(1);
        assertThat(line.toLine(mirrored.getBody()).getText()).isEqualTo("Hi (again): yes");
        assertThat(message("<message>" + line.toXML() + "</message>").getExtension(MirroredExtension.class))
                .usingRecursiveComparison().isEqualTo(line);

        Message ended = message("<message><consultation-ended xmlns='urn:chatconsult:0' consultation='t8'"
                + " interaction='k3' reason='declined'/></message>");
        NoticeExtension notice = (NoticeExtension) ended.getExtensionElement("consultation-ended",
                "urn:chatconsult:0");
        assertThat(notice.getReason()).isEqualTo("declined");
        assertThat(notice.toXML().toString()).isEqualTo(
                "<consultation-ended xmlns='urn:chatconsult:0' consultation='t8' interaction='k3' reason='declined'/>");

        Message im = message("<message xmlns='jabber:client' type='chat'><body>hi</body>"
                + "<context xmlns='urn:chatconsult:0' interaction='k3' consultation='t8'/></message>");
        assertThat(im.getExtension(ContextExtension.class).getConsultation()).isEqualTo("t8");
    }

    @Test
    void resultsAreRead() throws Exception {
        IQ result = PacketParserUtils.parseStanza("<iq type='result' id='c1' from='consult.example.com'>"
                + "<consultation xmlns='urn:chatconsult:0' id='t8' interaction='k3' room='t8@conference.example.com'/>"
                + "</iq>");
        assertThat(((ResultIQ) result).getPayload().getAttributeValue("room")).isEqualTo("t8@conference.example.com");
        assertThat(result.getChildElementXML().toString()).isEqualTo("<consultation xmlns='urn:chatconsult:0'"
                + " id='t8' interaction='k3' room='t8@conference.example.com'></consultation>");
        IQ empty = PacketParserUtils.parseStanza("<iq type='result' id='f1'><favorites xmlns='urn:chatconsult:0'/></iq>");
        assertThat(((ResultIQ) empty).getItems("item")).isEmpty();
    }

    @Test
    void supervisionElementsAreRead() throws Exception {
        Message told = message("<message xmlns='jabber:client' from='consult.example.com'>"
                + "<body>Sue whispers to you</body><supervised xmlns='urn:chatconsult:0' supervision='s4' interaction='k3' supervisor='sue@example.com'"
                + " name='Sue' action='whisper' room='s4@conference.example.com'/></message>");
        SupervisedExtension notice = told.getExtension(SupervisedExtension.class);
        assertThat(notice).extracting("supervision", "interaction", "name", "action")
                .containsExactly("s4", "k3", "Sue", SupervisedExtension.WHISPER);
        assertThat(notice.getSupervisor().toString()).isEqualTo("sue@example.com");
        assertThat(notice.getRoom().toString()).isEqualTo("s4@conference.example.com");
        assertThat(message("<message>" + notice.toXML() + "</message>").getExtension(SupervisedExtension.class))
                .usingRecursiveComparison().isEqualTo(notice);

        Message consulted = message("<message xmlns='jabber:client' type='groupchat'>"
                + "<body>[16:41:00] Dora (agent): Which carrier?</body>"
                + "<mirrored xmlns='urn:chatconsult:0' interaction='k3' seq='1' from='Dora' role='agent'"
                + " time='2026-11-27T16:41:00Z' supervision='s4' consultation='t8'/></message>");
        MirroredExtension line = MirroredExtension.from(consulted);
        assertThat(java.util.List.of(line.getSupervision(), line.getConsultation(), line.getInteraction()))
                .containsExactly("s4", "t8", "k3");
        assertThat(line.toLine(consulted.getBody()).getText()).isEqualTo("Which carrier?");

        ResultIQ list = PacketParserUtils.parseStanza("<iq type='result' id='v1'><supervise xmlns='urn:chatconsult:0'>"
                + "<chat id='k3' routing-point='sales' contact='carol' state='active' started='2026-11-27T16:40:26Z'"
                + " agent='alice@example.com' agent-name='Alice' answered='2026-11-27T16:40:30Z' consultations='1'/>"
                + "<chat id='m5' routing-point='support' contact='dave' state='queued' started='2026-11-27T16:42:00Z'"
                + " consultations='0'/>"
                + "<supervision id='s4' interaction='k3' room='s4@conference.example.com' mode='barged'"
                + " consultations='true' chat-room='k3@conference.example.com'/></supervise></iq>");
        LiveChat answered = LiveChat.from(list.getItems("chat").get(0));
        assertThat(answered).extracting("id", "routingPoint", "contactName", "state", "agentName", "consultations")
                .containsExactly("k3", "sales", "carol", "active", "Alice", 1);
        assertThat(answered.getAgent().toString()).isEqualTo("alice@example.com");
        assertThat(answered.getAnswered()).isEqualTo(Instant.parse("2026-11-27T16:40:30Z"));
        LiveChat waiting = LiveChat.from(list.getItems("chat").get(1));
        assertThat(waiting.getAgent() == null).isTrue();
        assertThat(waiting.getAnswered()).isNull();
        SupervisionInfo mine = SupervisionInfo.from(list.getItems("supervision").get(0));
        assertThat(mine).extracting("id", "interaction", "mode", "withConsultations")
                .containsExactly("s4", "k3", "barged", true);
        assertThat(mine.getRoom().toString()).isEqualTo("s4@conference.example.com");
        assertThat(mine.getChatRoom().toString()).isEqualTo("k3@conference.example.com");

        var service = JidCreate.domainBareFrom("consult.example.com");
        assertThat(CommandIQ.set(service, "whisper").with("supervision", "s4").text("Offer <the> voucher")
                .getChildElementXML().toString())
                .isEqualTo("<whisper xmlns='urn:chatconsult:0' supervision='s4'>Offer &lt;the&gt; voucher</whisper>");
    }
}
