package org.chatconsult.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.chatconsult.sdk.packet.Requests;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * The SDK against the protocol's shared fixtures (protocol/fixtures), which the browser's module is tested against
 * too: it reads every stanza of {@code received/} as its JSON says, and writes every request of {@code sent/} as
 * its XML does.
 */
class ProtocolFixturesTest {
    private static final String RECEIVED = "received";
    private static final String SENT = "sent";

    /** The fixtures the contract names (FIXTURE-SPEC, now protocol/fixtures/README.md); a folder may hold more. */
    private static final List<String> RECEIVED_NAMED = List.of("agent-presence", "offer", "revoked-chat",
            "revoked-consultation", "revoked-handover", "queue", "joined", "ended", "resume", "consultation-offer",
            "consultation-accepted", "consultation-ended", "mirrored", "mirrored-supervision", "handover-offer",
            "handover-accepted", "handover-released", "supervised", "result-consultation", "result-handover",
            "result-party", "result-transcript", "result-history", "result-supervise", "result-supervision",
            "result-favorites", "result-recent", "error-item-not-found");
    private static final List<String> SENT_NAMED = List.of("agent-capacity", "decline", "end", "done-chat", "consult",
            "end-consultation", "done-consultation", "im", "call", "history", "transcript", "conference",
            "transfer-warm", "transfer-cold", "favorites-get", "favorites-set", "recent", "supervise", "monitor",
            "whisper", "barge", "end-supervision");

    private static final DomainBareJid SERVICE = JidCreate.domainBareFromOrThrowUnchecked("consult.example.com");
    private static final EntityBareJid DORA = JidCreate.entityBareFromOrThrowUnchecked("dora@example.com");
    private static final EntityBareJid SALES = JidCreate.entityBareFromOrThrowUnchecked("sales@consult.example.com");
    private static final String CHAT = "k3v9q2xw7hmp";
    private static final String CONSULTATION = "t8m2w6q9z3cd";
    private static final String SUPERVISION = "s5n7c2r8k4dq";

    /** Each request fixture, built by the factory the SDK's managers send from, with the fixture's values. */
    private static final Map<String, Supplier<Stanza>> REQUESTS = Map.ofEntries(
            Map.entry("agent-capacity", () -> Requests.ready(SERVICE, 2)),
            Map.entry("decline", () -> Requests.decline(SERVICE, "p7c2m9x4r8tb", "On a call")),
            Map.entry("end", () -> Requests.end(SERVICE, CHAT)),
            Map.entry("done-chat", () -> Requests.doneChat(SERVICE, CHAT, "resolved", "Refund issued")),
            Map.entry("consult", () -> Requests.consult(SERVICE, CHAT, DORA)),
            Map.entry("end-consultation", () -> Requests.endConsultation(SERVICE, CONSULTATION)),
            Map.entry("done-consultation", () -> Requests.doneConsultation(SERVICE, CONSULTATION, "resolved",
                    "Refund approved by a manager")),
            Map.entry("im", () -> Requests.im(SERVICE, CONSULTATION)),
            Map.entry("call", () -> Requests.call(SERVICE, CONSULTATION)),
            Map.entry("history", () -> Requests.history(SERVICE, CHAT)),
            Map.entry("transcript", () -> Requests.transcript(SERVICE, CONSULTATION, 12)),
            Map.entry("conference", () -> Requests.conference(SERVICE, CHAT, DORA)),
            Map.entry("transfer-warm", () -> Requests.transfer(SERVICE, CHAT, DORA, true)),
            Map.entry("transfer-cold", () -> Requests.transfer(SERVICE, CHAT, DORA, false)),
            Map.entry("favorites-get", () -> Requests.favorites(SERVICE)),
            Map.entry("favorites-set", () -> Requests.changeFavorites(SERVICE, List.of(DORA), List.of(SALES))),
            Map.entry("recent", () -> Requests.recent(SERVICE)),
            Map.entry("export", () -> Requests.export(SERVICE, CHAT, "text")),
            Map.entry("supervise", () -> Requests.supervise(SERVICE)),
            Map.entry("monitor", () -> Requests.monitor(SERVICE, CHAT, true)),
            Map.entry("whisper", () -> Requests.whisper(SERVICE, SUPERVISION, "Offer the voucher")),
            Map.entry("barge", () -> Requests.barge(SERVICE, SUPERVISION)),
            Map.entry("end-supervision", () -> Requests.endSupervision(SERVICE, SUPERVISION)));

    @BeforeAll
    static void loadProviders() throws ClassNotFoundException {
        Class.forName(AgentManager.class.getName()); // registers the SDK's parsers, as its first use does
    }

    static List<String> received() throws IOException {
        return Fixtures.names(RECEIVED);
    }

    static List<String> sent() throws IOException {
        return Fixtures.names(SENT);
    }

    static Stream<String> everyFixture() throws IOException {
        List<String> all = new ArrayList<>();
        received().forEach(name -> all.add(RECEIVED + "/" + name));
        sent().forEach(name -> all.add(SENT + "/" + name));
        return all.stream();
    }

    @Test
    void everyNamedFixtureIsThere() {
        assertThat(RECEIVED_NAMED).allSatisfy(name -> assertThat(Fixtures.exists(RECEIVED, name)).as(name).isTrue());
        assertThat(SENT_NAMED).allSatisfy(name -> assertThat(Fixtures.exists(SENT, name)).as(name).isTrue());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyFixture")
    void jsonSaysWhatTheXmlSays(String fixture) throws IOException {
        String folder = fixture.substring(0, fixture.indexOf('/'));
        String name = fixture.substring(folder.length() + 1);
        assertThat(Fixtures.comparable(WireRules.stanza(Fixtures.parse(Fixtures.xml(folder, name)))))
                .isEqualTo(Fixtures.comparable(Fixtures.json(folder, name)));
    }

    @ParameterizedTest(name = "received/{0}")
    @MethodSource("received")
    void sdkReadsWhatTheJsonSays(String name) throws Exception {
        Stanza stanza = PacketParserUtils.parseStanza(Fixtures.xml(RECEIVED, name));
        assertThat(Fixtures.comparable(TypedReading.stanza(stanza)))
                .isEqualTo(Fixtures.comparable(Fixtures.json(RECEIVED, name)));
    }

    @ParameterizedTest(name = "sent/{0}")
    @MethodSource("sent")
    void sdkWritesTheRequest(String name) throws IOException {
        assertThat(REQUESTS).as("the SDK's request for sent/" + name).containsKey(name);
        String written = REQUESTS.get(name).get().toXML().toString();
        assertThat(CanonicalXml.of(written)).as(written).isEqualTo(CanonicalXml.of(Fixtures.xml(SENT, name)));
    }

    @Test
    void everyRequestHasItsFixture() throws IOException {
        assertThat(sent()).containsAll(REQUESTS.keySet());
    }
}
