package org.chatconsult.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaError;
import org.junit.jupiter.api.TestTemplate;

/**
 * Thousands of hostile stanzas (seeded: {@code -Dchatconsult.fuzz.seed=…} replays a run) from contacts, an agent
 * and a stranger, sent while a chat and its consultation run. Every IQ request gets exactly one answer within
 * 2 s, none of them internal-server-error; nothing a client sent makes the service log a stack trace; the chat
 * and its consultation lose no line; a fresh chat and consultation work afterwards; the heap returns to where it
 * was; and no contact receives a byte of the consultation.
 */
@OnBothServers
class StanzaFuzzTest {
    private static final Duration LONG = Duration.ofMinutes(5);
    private static final String SALES = "sales@consult.localhost";
    /** Per sender: sent at once up to the burst the service allows, then at a pace under its sustained rate. */
    private static final int BURST = 150;
    private static final int PER_SECOND = 45;

    @TestTemplate
    void hostileStanzasAreAnsweredAndHarmNothing(TestServer server) throws Exception {
        boolean openfire = server instanceof OpenfireTestServer;
        long seed = Long.getLong("chatconsult.fuzz.seed", System.nanoTime());
        int perSender = openfire ? 500 : 2_550;
        try (Party owner = server.connect("agent1");
                Party target = server.connect("agent2");
                Party contact = server.connectPlain("contact1");
                Party attackerContact = server.connectPlain("contact2");
                Party joiningContact = server.connect("contact3");
                Party attackerAgent = server.connect("agent4");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3));
                ServiceLog log = server.watchLog()) {
            Party stranger = server.connectStranger();
            List<Party> contacts = new ArrayList<>(List.of(contact, attackerContact, joiningContact));
            List<Party> attackers = new ArrayList<>(List.of(attackerContact, joiningContact, attackerAgent));
            if (stranger != null) {
                contacts.add(stranger);
                attackers.add(stranger);
            }
            try {
                if (!openfire) {
                    // The watch sees what the in-process service's loggers write.
                    org.slf4j.LoggerFactory.getLogger(StanzaFuzzTest.class).warn("fuzz run with seed {}", seed);
                    assertThat(log.lines()).anyMatch(line -> line.contains("fuzz run with seed " + seed));
                }
                // A live chat and consultation, whose ids the attackers borrow.
                String interaction = ConsultationTest.activeChat(owner, contact, "Before the storm");
                target.ready();
                String room = ConsultationTest.roomOf(ConsultationTest.consult(owner, interaction, "agent2@localhost"));
                Message request = target.awaitElement("consultation-offer");
                String consultation = Party.attr(request, "consultation-offer", "consultation");
                String offer = Party.attr(request, "consultation-offer", "id");
                var consultRoom = target.join(room, "Agent 2");
                owner.awaitElement("consultation-accepted");
                String secret = "CONSULT-ONLY-" + Long.toHexString(seed);
                List<String> leaks = new CopyOnWriteArrayList<>();
                for (Party party : contacts) {
                    party.connection().addSyncStanzaListener(stanza -> {
                        String xml = stanza.toXML().toString();
                        // The secret line, or the consultation room's address (an id alone may come back where the
                        // protocol echoes what the contact itself sent, as a disco node).
                        if (xml.contains(secret) || xml.contains(room)) {
                            leaks.add(party.bare() + ": " + xml);
                        }
                    }, stanza -> true);
                }
                consultRoom.sendMessage(secret + " before");

                // Warm up what loads lazily, then take the heap's measure.
                StanzaFuzzer fuzzer = new StanzaFuzzer(seed, TestServer.SERVICE, List.of(interaction, consultation,
                        offer), !openfire);
                for (int i = 0; i < 50; i++) {
                    attackerAgent.sendRaw(fuzzer.next().xml());
                }
                attackerAgent.barrier(); // the warm-up is answered and done with
                attackers.forEach(Party::forget);
                long heapBefore = ServiceLog.heapAfterGc(server.servicePid());

                // The storm: each attacker on its own thread, with its own seeded generator; the chat goes on.
                Map<String, Long> sentAt = new ConcurrentHashMap<>();
                Map<String, List<Long>> answeredAt = new ConcurrentHashMap<>();
                Map<String, String> errors = new ConcurrentHashMap<>();
                Map<String, String> kinds = new ConcurrentHashMap<>();
                for (Party attacker : attackers) {
                    attacker.connection().addSyncStanzaListener(stanza -> {
                        if (stanza instanceof IQ && sentAt.containsKey(stanza.getStanzaId())) {
                            answeredAt.computeIfAbsent(stanza.getStanzaId(), id -> new CopyOnWriteArrayList<>())
                                    .add(System.nanoTime());
                            StanzaError error = stanza.getError();
                            if (error != null) {
                                errors.put(stanza.getStanzaId(), error.getCondition().toString());
                            }
                        }
                    }, stanza -> true);
                }
                AtomicInteger sent = new AtomicInteger();
                AtomicInteger contactLines = new AtomicInteger();
                ExecutorService senders = Executors.newFixedThreadPool(attackers.size() + 1);
                List<Future<?>> running = new ArrayList<>();
                for (int a = 0; a < attackers.size(); a++) {
                    Party attacker = attackers.get(a);
                    StanzaFuzzer own = new StanzaFuzzer(seed + a + 1, TestServer.SERVICE, List.of(interaction,
                            consultation, offer), !openfire);
                    String prefix = "a" + a;
                    running.add(senders.submit(() -> {
                        long start = System.nanoTime();
                        for (int i = 0; i < perSender; i++) {
                            if (i >= BURST) {
                                long due = start + (long) ((i - BURST) * 1e9 / PER_SECOND);
                                long wait = due - System.nanoTime();
                                if (wait > 0) {
                                    // Time is the subject: each attacker sends at the service's rate limit.
                                    Await.pace(Duration.ofNanos(wait), "an attacker sends at the rate limit");
                                }
                            }
                            StanzaFuzzer.Fuzzed stanza = own.next();
                            String id = prefix + stanza.id();
                            String xml = stanza.xml().replace("id='" + stanza.id() + "'", "id='" + id + "'");
                            if (stanza.request()) {
                                sentAt.put(id, System.nanoTime());
                                kinds.put(id, stanza.kind());
                            }
                            attacker.sendRaw(xml);
                            sent.incrementAndGet();
                        }
                        return null;
                    }));
                }
                running.add(senders.submit(() -> {
                    while (running.stream().limit(attackers.size()).anyMatch(f -> !f.isDone())) {
                        contact.chat(SALES, "storm line " + contactLines.incrementAndGet());
                        Await.pace(Duration.ofMillis(250), "the chat goes on at four lines a second");
                    }
                    return null;
                }));
                for (Future<?> future : running) {
                    future.get();
                }
                senders.shutdown();
                consultRoom.sendMessage(secret + " after");
                int lines = contactLines.get();
                String last = "storm line " + lines;
                target.awaitMessage(m -> m.getBody() != null && m.getBody().endsWith(last));
                // No verdict here: the checks below name what went unanswered.
                Await.within(Duration.ofSeconds(5), () -> answeredAt.size() >= sentAt.size());
                for (Party attacker : attackers) {
                    attacker.barrier(); // a second answer to anything has arrived by now
                }

                // Every request answered exactly once, within 2 s, never with internal-server-error.
                List<String> unanswered = sentAt.keySet().stream().filter(id -> !answeredAt.containsKey(id))
                        .map(id -> id + " (" + kinds.get(id) + ")").sorted().limit(20).toList();
                List<String> twice = answeredAt.entrySet().stream().filter(e -> e.getValue().size() != 1)
                        .map(e -> e.getKey() + " (" + kinds.get(e.getKey()) + ")").limit(20).toList();
                long slowest = answeredAt.entrySet().stream()
                        .mapToLong(e -> e.getValue().get(0) - sentAt.get(e.getKey())).max().orElse(0);
                Map<String, Long> byCondition = new java.util.TreeMap<>();
                errors.values().forEach(condition -> byCondition.merge(condition, 1L, Long::sum));
                System.out.printf("fuzz on %s, seed %d: %d stanzas sent, %d requests, %d answered (%d errors: %s),"
                        + " slowest answer %d ms, %d contact lines%n", server.getClass().getSimpleName(), seed,
                        sent.get(), sentAt.size(), answeredAt.size(), errors.size(), byCondition,
                        slowest / 1_000_000, lines);
                answeredAt.entrySet().stream()
                        .sorted((x, y) -> Long.compare(y.getValue().get(0) - sentAt.get(y.getKey()),
                                x.getValue().get(0) - sentAt.get(x.getKey())))
                        .limit(5).forEach(e -> System.out.printf("  slow: %s (%s) %d ms%n", e.getKey(),
                                kinds.get(e.getKey()), (e.getValue().get(0) - sentAt.get(e.getKey())) / 1_000_000));
                assertThat(unanswered).as("seed %d: requests without an answer", seed).isEmpty();
                assertThat(twice).as("seed %d: requests answered more than once", seed).isEmpty();
                assertThat(slowest).as("seed %d: slowest answer, ns", seed).isLessThan(Duration.ofSeconds(2).toNanos());
                assertThat(errors.entrySet().stream().filter(e -> e.getValue().equals("internal-server-error"))
                        .map(e -> e.getKey() + " (" + kinds.get(e.getKey()) + ")").toList())
                        .as("seed %d: internal-server-error for a client's mistake", seed).isEmpty();

                // The chat lost nothing: every line reached the owner in the room and the target in the mirror.
                for (int i = 1; i <= lines; i++) {
                    String line = "storm line " + i;
                    assertThat(owner.received()).as(line).anyMatch(s -> s instanceof Message
                            && line.equals(((Message) s).getBody()));
                    assertThat(target.received()).as(line + ", mirrored").anyMatch(s -> s instanceof Message
                            && ((Message) s).getBody() != null && ((Message) s).getBody().endsWith(line));
                }

                // No stack trace from anything a client sent.
                List<String> traces = log.serviceTraces().stream().limit(30).toList();
                assertThat(traces).as("seed %d: the log", seed).isEmpty();

                // A fresh chat and consultation work.
                Party fresh = server.connectPlain("contact4");
                Party helper = server.connect("agent3");
                try {
                    owner.notReady();
                    target.notReady();
                    Party second = server.connect("targeta1");
                    try {
                        helper.ready();
                        fresh.chat("support@consult.localhost", "After the storm");
                        Message freshOffer = helper.awaitElement("offer");
                        helper.join(Party.attr(freshOffer, "offer", "room"), "Agent 3");
                        fresh.awaitBody("has joined the chat");
                        second.ready();
                        String freshRoom = ConsultationTest.roomOf(ConsultationTest.consult(helper,
                                Party.attr(freshOffer, "offer", "interaction"), "targeta1@localhost"));
                        second.awaitElement("consultation-offer");
                        second.join(freshRoom, "Second");
                        helper.awaitElement("consultation-accepted");
                        fresh.chat("support@consult.localhost", "Still there?");
                        second.awaitMessage(m -> m.getBody() != null && m.getBody().endsWith("Still there?"));
                    } finally {
                        second.close();
                    }
                } finally {
                    fresh.close();
                    helper.close();
                }

                // The heap is back where it was (this test's own bookkeeping dropped first).
                attackers.forEach(Party::forget);
                sentAt.clear();
                answeredAt.clear();
                errors.clear();
                kinds.clear();
                for (Party attacker : attackers) {
                    attacker.barrier(); // the service is done with all they sent
                }
                long heapAfter = ServiceLog.heapAfterGc(server.servicePid());
                System.out.printf("fuzz heap after GC: %d KiB before, %d KiB after%n", heapBefore, heapAfter);
                assertThat(heapAfter - heapBefore).as("seed %d: heap growth, KiB", seed)
                        .isLessThan(openfire ? 32 * 1024 : 8 * 1024);

                assertThat(leaks).as("seed %d: consultation bytes at a contact", seed).isEmpty();
            } finally {
                if (stranger != null) {
                    stranger.close();
                }
            }
        }
    }
}
