package org.chatconsult.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.commands.AdHocCommandManager;
import org.jivesoftware.smackx.commands.RemoteCommand;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.muc.packet.MUCUser;
import org.jivesoftware.smackx.xdata.FormField;
import org.jxmpp.jid.parts.Resourcepart;
import org.junit.jupiter.api.TestTemplate;

/**
 * The lifecycle as a model: random programs of every lifecycle action (offer accepted, declined, timed out; consult
 * an agent or a team, the request accepted, declined, timed out; lines in the chat and in consultations; end and
 * done of a consultation by either member; conference; warm and cold transfer; the chat ended by its owner, its
 * contact or marked done; every action again on what has ended; unknown ids) run in four lanes at once against the
 * real server, and the service is restarted the hard way at random points of them (SIGKILL of the standalone
 * service; a plugin reload inside Openfire). The model says what every answer must be (the lifecycle table of
 * docs/protocol.md) and who must receive each line; after every sequence the test checks that every request got
 * exactly one answer, that each line reached each party exactly once (and no contact a byte of a consultation),
 * and that the last write is durable within a second (the export, read from the store behind every write before
 * it, has it); at every restart, that the service took back exactly what it had (live chats, consultations, ready
 * agents; each chat's history and each consultation's transcript). The table's every cell must be met.
 * Reproducible from its seed ({@code -Dchatconsult.model.seed}); {@code -Dchatconsult.model.sequences} and
 * {@code -Dchatconsult.model.restarts} change the counts.
 */
@OnBothServers
class LifecycleModelTest {
    static final long SEED = Long.getLong("chatconsult.model.seed", 20261203L);
    static final Duration OFFER_TIMEOUT = Duration.ofSeconds(2);
    static final Duration DURABLE = Duration.ofSeconds(1);
    static final Duration WAIT = Duration.ofSeconds(15);
    /** The grace of a contact who left unseen (RoomTrafficHandler.RETURN_GRACE), and some. */
    static final Duration LEFT_UNSEEN = Duration.ofSeconds(45);
    static final String UNKNOWN = "nosuchid0000";
    static final List<String> UNKNOWN_ACTIONS = List.of("end", "done", "consult", "conference", "transfer",
            "end-consultation", "done-consultation", "im", "call", "transcript", "decline");

    /** Every cell of the lifecycle table (docs/protocol.md, "Lifecycle actions") the run must meet. */
    static final Set<String> TABLE = Set.of(
            "end × offered → item-not-found", "end × active → result", "end × ended → conflict",
            "end × done → conflict", "end × unknown → item-not-found",
            "done × offered → item-not-found", "done × active → result", "done × ended → conflict",
            "done × done → conflict", "done × unknown → item-not-found",
            "consult × offered → item-not-found", "consult × active → result", "consult × ended → conflict",
            "consult × done → conflict", "consult × unknown → item-not-found",
            "conference × active → result", "conference × ended → conflict", "conference × done → conflict",
            "conference × unknown → item-not-found",
            "transfer × active → result", "transfer × ended → conflict", "transfer × done → conflict",
            "transfer × unknown → item-not-found",
            "end-consultation × active → result", "end-consultation × ended → conflict",
            "end-consultation × done → conflict", "end-consultation × released → conflict",
            "end-consultation × unknown → item-not-found",
            "done-consultation × active → result", "done-consultation × ended → result",
            "done-consultation × done → conflict", "done-consultation × released → result",
            "done-consultation × unknown → item-not-found",
            "im × active → result", "im × ended → item-not-found", "im × unknown → item-not-found",
            "call × active → result", "call × ended → item-not-found", "call × unknown → item-not-found",
            "transcript × active → result", "transcript × ended → item-not-found",
            "transcript × unknown → item-not-found",
            "decline × open → result", "decline × answered → item-not-found", "decline × unknown → item-not-found");

    @TestTemplate
    void everyActionAnswersAsTheTableSaysAndNothingIsLostAcrossRestarts(TestServer server) throws Exception {
        boolean openfire = server instanceof OpenfireTestServer;
        int sequences = Integer.getInteger("chatconsult.model.sequences", 200);
        int restarts = Integer.getInteger("chatconsult.model.restarts", openfire ? 6 : 8);
        try (TestServer.RestartableService service = server.restartableService(
                TestServer.settings(OFFER_TIMEOUT, Duration.ofMinutes(10), 30));
                Party supervisor = server.connect("agent4")) {
            Restarts meeting = new Restarts(service, supervisor, restarts);
            ExecutorService pool = Executors.newFixedThreadPool(TestServer.LANES);
            List<Future<Lane>> running = new ArrayList<>();
            long started = System.nanoTime();
            for (int n = 1; n <= TestServer.LANES; n++) {
                int lane = n;
                int count = sequences / TestServer.LANES + (lane <= sequences % TestServer.LANES ? 1 : 0);
                running.add(pool.submit(() -> {
                    try (Lane runner = new Lane(server, lane, new Random(SEED * 31 + lane), meeting)) {
                        runner.run(count);
                        return runner;
                    } catch (Throwable failure) {
                        meeting.abandon();
                        throw failure;
                    }
                }));
            }
            Map<String, Integer> cells = new TreeMap<>();
            long lines = 0;
            long receipts = 0;
            long requests = 0;
            long slowestDurable = 0;
            int done = 0;
            List<Lane> lanes = finished(running);
            for (Lane lane : lanes) {
                done += lane.sequences;
                lines += lane.lines;
                receipts += lane.receipts;
                requests += lane.requests;
                slowestDurable = Math.max(slowestDurable, lane.slowestDurableMs);
                lane.cells.forEach((cell, count) -> cells.merge(cell, count, Integer::sum));
            }
            pool.shutdown();
            System.out.printf("lifecycle model (%s): seed %d, %d sequences in %.1f s, %d restarts (%s; chats/consultations live %s; back in %s ms);"
                    + " %d requests, each answered once; %d lines, %d receipts counted, 0 lost, 0 duplicated;"
                    + " slowest durable write %d ms; table cells met %d of %d: %s%n", openfire ? "Openfire" : "Prosody",
                    SEED, done, (System.nanoTime() - started) / 1e9, meeting.done.get(), service.restartKind(),
                    meeting.liveAtRestarts, meeting.backInMs, requests, lines, receipts, slowestDurable,
                    cells.keySet().stream().filter(TABLE::contains).count(), TABLE.size(), cells);
            assertThat(done).isEqualTo(sequences);
            assertThat(meeting.done.get()).isEqualTo(restarts);
            assertThat(cells.keySet()).as("answers outside the table").isSubsetOf(TABLE);
            assertThat(cells.keySet()).as("cells of the table met").containsAll(TABLE);
            assertThat(slowestDurable).as("ms until the last write of a sequence was durable")
                    .isLessThanOrEqualTo(DURABLE.toMillis());
        }
    }

    /** The lanes once all have finished; if any failed, the first failure that is not another's broken barrier. */
    private static List<Lane> finished(List<Future<Lane>> running) throws Exception {
        List<Lane> lanes = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (Future<Lane> future : running) {
            try {
                lanes.add(future.get());
            } catch (ExecutionException e) {
                failures.add(e.getCause());
            }
        }
        if (failures.isEmpty()) {
            return lanes;
        }
        failures.sort(Comparator.comparing(f -> f.getCause() instanceof BrokenBarrierException
                || f.getCause() instanceof java.util.concurrent.TimeoutException));
        AssertionError first = new AssertionError(failures.get(0).getMessage(), failures.get(0));
        failures.stream().skip(1).forEach(first::addSuppressed);
        throw first;
    }

    /**
     * Where the lanes meet for a restart: each arrives at a settled point (no offer open) with what it has live;
     * the last to arrive checks that the service counts the same, restarts it and waits until it has taken
     * everything back; then each lane checks its own chat and consultations.
     */
    static final class Restarts {
        private final TestServer.RestartableService service;
        private final Party supervisor;
        private final int count;
        private final CyclicBarrier barrier;
        private final AtomicInteger chats = new AtomicInteger();
        private final AtomicInteger consultations = new AtomicInteger();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private volatile boolean abandoned;
        final AtomicInteger done = new AtomicInteger();
        final List<Long> backInMs = Collections.synchronizedList(new ArrayList<>());
        /** Chats/consultations live at each restart. */
        final List<String> liveAtRestarts = Collections.synchronizedList(new ArrayList<>());

        Restarts(TestServer.RestartableService service, Party supervisor, int count) {
            this.service = service;
            this.supervisor = supervisor;
            this.count = count;
            this.barrier = new CyclicBarrier(TestServer.LANES, this::restart);
        }

        int count() {
            return count;
        }

        void arrive(int liveChats, int liveConsultations) throws Exception {
            if (abandoned) {
                throw new BrokenBarrierException();
            }
            chats.addAndGet(liveChats);
            consultations.addAndGet(liveConsultations);
            barrier.await(3, TimeUnit.MINUTES);
            if (failure.get() != null) {
                throw new AssertionError("the restart failed: " + failure.get().getMessage(), failure.get());
            }
        }

        /** A lane failed: those waiting, and those yet to come, give up. */
        void abandon() {
            abandoned = true;
            barrier.reset();
        }

        private void restart() {
            try {
                Map<String, String> before = statistics();
                String expected = chats.get() + " chats, " + consultations.get() + " consultations";
                liveAtRestarts.add(chats.get() + "/" + consultations.get());
                assertThat(live(before)).as("the service's count before the restart").isEqualTo(expected);
                long started = System.nanoTime();
                service.restart();
                AtomicReference<Map<String, String>> latest = new AtomicReference<>();
                // No verdict here: the checks below say what the service took back.
                Await.within(Duration.ofSeconds(60), () -> {
                    Map<String, String> now = statistics();
                    latest.set(now);
                    return now != null && live(now).equals(expected)
                            && before.get("ready-agents").equals(now.get("ready-agents"));
                });
                Map<String, String> after = latest.get();
                backInMs.add((System.nanoTime() - started) / 1_000_000);
                assertThat(after).as("statistics after the restart").isNotNull();
                assertThat(live(after)).as("what the service took back").isEqualTo(expected);
                assertThat(after.get("ready-agents")).as("agents Ready after the restart")
                        .isEqualTo(before.get("ready-agents"));
                done.incrementAndGet();
            } catch (Throwable e) {
                failure.set(e);
            } finally {
                chats.set(0);
                consultations.set(0);
            }
        }

        private static String live(Map<String, String> statistics) {
            return statistics == null ? "none" : statistics.get("interactions") + " chats, "
                    + statistics.get("consultations") + " consultations";
        }

        /** The statistics command's report, or null while the service does not answer. */
        private Map<String, String> statistics() {
            try {
                RemoteCommand command = AdHocCommandManager.getAddHocCommandsManager(supervisor.connection())
                        .getRemoteCommand(Party.jid(TestServer.SERVICE), "statistics");
                command.execute();
                Map<String, String> report = new HashMap<>();
                for (FormField field : command.getForm().getFields()) {
                    report.put(field.getFieldName(), field.getFirstValue());
                }
                return report;
            } catch (Exception notYet) {
                return null;
            }
        }
    }

    /** What the model knows of a line: who said it where, and when (the index among the chat's lines). */
    private record Line(String token, Party from, String room, Consult consultation, int index) {
    }

    private enum ChatState { OFFERED, ACTIVE, ENDED, DONE }

    private enum ConsultState { ACTIVE, ENDED, RELEASED }

    private static final class Chat {
        final String id;
        final String room;
        final String routingPoint;
        ChatState state = ChatState.OFFERED;
        String offer;
        Party owner;
        MultiUserChat ownerRoom;
        MultiUserChat contactRoom;
        int chatLines;
        final List<Consult> consultations = new ArrayList<>();
        final List<Line> lines = new ArrayList<>();
        final List<String> answeredOffers = new ArrayList<>();

        Chat(String id, String room, String routingPoint, String offer) {
            this.id = id;
            this.room = room;
            this.routingPoint = routingPoint;
            this.offer = offer;
        }

        List<Consult> active() {
            return consultations.stream().filter(c -> c.state == ConsultState.ACTIVE).toList();
        }
    }

    private static final class Consult {
        final String id;
        final String room;
        final Party initiator;
        Party target;
        MultiUserChat initiatorRoom;
        MultiUserChat targetRoom;
        ConsultState state;
        boolean initiatorDone;
        boolean targetDone;
        /** Lines of the chat said before it ended: each reaches both members once (from the transcript or live). */
        int endedAtLine = Integer.MAX_VALUE;

        Consult(String id, String room, Party initiator) {
            this.id = id;
            this.room = room;
            this.initiator = initiator;
        }

        boolean doneBy(Party member) {
            return member == initiator ? initiatorDone : targetDone;
        }
    }

    /** One contact, the agent serving its routing point and two more agents, running programs one after another. */
    static final class Lane implements AutoCloseable {
        final int n;
        final Random random;
        final Restarts meeting;
        final Party owner;
        final Party targetA;
        final Party targetB;
        final Party contact;
        final boolean mucContact;
        final String routingPoint;
        final String team;
        final List<Party> agents;
        final Map<String, Integer> cells = new TreeMap<>();
        final Map<Party, List<String>> asked = new HashMap<>();
        int sequences;
        long lines;
        long receipts;
        long requests;
        long slowestDurableMs;
        private Chat chat;
        private int step;
        private int tokens;
        private final Map<Party, Integer> marks = new HashMap<>();
        private final List<int[]> restartPoints = new ArrayList<>();
        private int outagesSeen;
        /** What the current sequence did so far, for the failure message. */
        private final List<String> program = new ArrayList<>();

        Lane(TestServer server, int n, Random random, Restarts meeting) throws Exception {
            this.n = n;
            this.random = random;
            this.meeting = meeting;
            this.owner = server.connect("owner" + n);
            this.targetA = server.connect("targeta" + n);
            this.targetB = server.connect("targetb" + n);
            this.mucContact = n % 2 == 0;
            this.contact = mucContact ? server.connect("lanecontact" + n) : server.connectPlain("lanecontact" + n);
            this.routingPoint = "lane" + n + "@" + TestServer.SERVICE;
            this.team = "team" + n + "@" + TestServer.SERVICE;
            this.agents = List.of(owner, targetA, targetB);
        }

        void run(int count) throws Exception {
            for (Party agent : agents) {
                agent.ready(30);
            }
            // One restart per stretch of sequences, at a random step of a random sequence of the stretch.
            for (int r = 0; r < meeting.count(); r++) {
                int from = count * r / meeting.count();
                int to = Math.max(from + 1, count * (r + 1) / meeting.count());
                restartPoints.add(new int[] {from + random.nextInt(to - from), random.nextInt(12), to});
            }
            int point = 0;
            for (int s = 0; s < count; s++) {
                String where = "lane " + n + ", sequence " + s + ", seed " + SEED;
                try {
                    int[] restart = point < restartPoints.size() ? restartPoints.get(point) : null;
                    boolean restarted = runSequence(restart != null && restart[0] == s ? restart[1] : -1);
                    if (restart != null && (restarted || s == restart[2] - 1)) {
                        if (!restarted) {
                            restartHere(); // the sequence ended before its restart point: restart between sequences
                        }
                        point++;
                    }
                } catch (Throwable failure) {
                    throw new AssertionError(where + ", step " + step + " of " + program + ": " + failure.getMessage(),
                            failure);
                }
                sequences++;
            }
        }

        /** One chat from its first line to the actions after its end; true if the service restarted during it. */
        private boolean runSequence(int restartAtStep) throws Exception {
            for (Party party : parties()) {
                marks.put(party, party.mark());
            }
            asked.clear();
            program.clear();
            outagesSeen = 0;
            boolean restarted = false;
            chat = open();
            int steps = 6 + random.nextInt(12);
            for (step = 0; step < steps; step++) {
                if (!restarted && restartAtStep >= 0 && step >= restartAtStep && chat.state != ChatState.OFFERED) {
                    restartHere();
                    restarted = true;
                }
                act();
                if (chat.state == ChatState.ENDED || chat.state == ChatState.DONE) {
                    break;
                }
            }
            if (chat.state == ChatState.OFFERED) {
                accept();
            }
            if (chat.state == ChatState.ACTIVE) {
                endChat();
            }
            for (int i = random.nextInt(4); i >= 0; i--) {
                afterTheEnd();
            }
            checkDurable();
            for (Party party : parties()) {
                party.barrier(); // any late duplicate has arrived before counting
            }
            checkEveryRequestAnsweredOnce();
            checkLineCounts();
            return restarted;
        }

        private List<Party> parties() {
            return List.of(owner, targetA, targetB, contact);
        }

        // ---- the chat ------------------------------------------------------------------------------------------

        private Chat open() throws Exception {
            String first = token("first");
            int ownerMark = owner.mark();
            int contactMark = contact.mark();
            contact.chat(routingPoint, first);
            Message offer = (Message) owner.awaitSince(ownerMark, s -> s instanceof Message
                    && s.hasExtension("offer", Party.NS)
                    && first.equals(Party.ext(s, "offer").getFirstElement("preview").getText()), WAIT);
            Chat opened = new Chat(Party.attr(offer, "offer", "interaction"), Party.attr(offer, "offer", "room"),
                    routingPoint, Party.attr(offer, "offer", "id"));
            if (mucContact) {
                Message invite = (Message) contact.awaitSince(contactMark, s -> s instanceof Message
                        && MUCUser.from(s) != null && MUCUser.from(s).getInvite() != null
                        && opened.room.equals(s.getFrom().asBareJid().toString()), WAIT);
                opened.contactRoom = MultiUserChatManager.getInstanceFor(contact.connection())
                        .getMultiUserChat(invite.getFrom().asEntityBareJidIfPossible());
                opened.contactRoom.join(Resourcepart.from("contact" + n));
            }
            return opened;
        }

        private void act() throws Exception {
            if (chat.state == ChatState.OFFERED) {
                int roll = random.nextInt(10);
                if (roll < 6) {
                    accept();
                } else if (roll < 8) {
                    answerOffer(true);
                } else if (roll < 9) {
                    answerOffer(false);
                } else {
                    String command = List.of("end", "done", "consult").get(random.nextInt(3));
                    ask(owner, command, chatCommand(command), command + " × offered", StanzaError.Condition.item_not_found);
                }
                return;
            }
            int roll = random.nextInt(100);
            if (roll < 20) {
                contactSays();
            } else if (roll < 32) {
                ownerSays();
            } else if (roll < 46) {
                consult();
            } else if (roll < 56) {
                consultationSays();
            } else if (roll < 62) {
                endConsultation();
            } else if (roll < 68) {
                doneConsultation();
            } else if (roll < 74) {
                askAboutConsultation();
            } else if (roll < 78) {
                conference();
            } else if (roll < 82) {
                transfer();
            } else if (roll < 86) {
                unknownIds();
            } else if (roll < 90) {
                declineAnswered();
            } else {
                endChat();
            }
        }

        private Map<String, String> chatCommand(String command) {
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("interaction", chat.id);
            switch (command) {
                case "done" -> attributes.put("disposition", "resolved");
                case "consult", "conference" -> attributes.put("target", targetA.bare());
                case "transfer" -> {
                    attributes.put("target", targetA.bare());
                    attributes.put("mode", "warm");
                }
                default -> { }
            }
            return attributes;
        }

        /** The owner accepts by entering the room; a bridged contact is told. */
        private void accept() throws Exception {
            program.add("accept");
            int contactMark = contact.mark();
            chat.ownerRoom = owner.join(chat.room, "owner" + n);
            chat.owner = owner;
            chat.state = ChatState.ACTIVE;
            chat.answeredOffers.add(chat.offer);
            if (!mucContact) {
                contact.awaitSince(contactMark, body(b -> b.endsWith("has joined the chat.")), WAIT);
            }
        }

        /** Declines the offer or lets it time out; the owner then goes Ready anew and is offered the chat again. */
        private void answerOffer(boolean decline) throws Exception {
            program.add("answer-offer" + (decline ? " decline" : " timeout"));
            int mark = owner.mark();
            if (decline) {
                ask(owner, "decline", Map.of("offer", chat.offer), "decline × open", null);
            }
            String offer = chat.offer;
            owner.awaitSince(mark, s -> s.hasExtension("revoked", Party.NS)
                    && offer.equals(Party.attr(s, "revoked", "offer")), WAIT);
            chat.answeredOffers.add(offer);
            owner.presenceToService(Presence.Mode.away, null);
            owner.awaitSince(mark, s -> s instanceof Presence && "not-ready".equals(Party.attr(s, "agent", "readiness")), WAIT);
            int again = owner.mark();
            owner.presenceToService(Presence.Mode.available, 30);
            Message next = (Message) owner.awaitSince(again, s -> s.hasExtension("offer", Party.NS)
                    && chat.id.equals(Party.attr(s, "offer", "interaction")), WAIT);
            chat.offer = Party.attr(next, "offer", "id");
        }

        private void contactSays() throws Exception {
            program.add("contact-says");
            String text = token("contact");
            if (mucContact) {
                chat.contactRoom.sendMessage(text);
            } else {
                contact.chat(routingPoint, text);
            }
            said(text, contact, chat.room, null);
        }

        private void ownerSays() throws Exception {
            program.add("owner-says");
            String text = token("agent");
            chat.ownerRoom.sendMessage(text);
            said(text, chat.owner, chat.room, null);
        }

        private void consultationSays() throws Exception {
            program.add("consultation-says");
            List<Consult> active = chat.active();
            if (active.isEmpty()) {
                contactSays();
                return;
            }
            Consult c = active.get(random.nextInt(active.size()));
            String text = token("secret");
            boolean byTarget = random.nextBoolean();
            (byTarget ? c.targetRoom : c.initiatorRoom).sendMessage(text);
            said(text, byTarget ? c.target : c.initiator, c.room, c);
        }

        /** Records a line and waits until everyone who must have it does. */
        private void said(String text, Party from, String room, Consult in) throws Exception {
            Line line = new Line(text, from, room, in, in == null ? chat.chatLines++ : -1);
            chat.lines.add(line);
            lines++;
            for (Map.Entry<String, Long> expected : expectedReceipts(line).entrySet()) {
                Party party = byName(expected.getKey().substring(0, expected.getKey().indexOf(' ')));
                String channel = expected.getKey().substring(expected.getKey().indexOf(' ') + 1);
                party.awaitSince(marks.get(party), s -> channel.equals(channelOf(s, text)), WAIT);
            }
        }

        private void consult() throws Exception {
            if (chat.owner != owner && random.nextBoolean()) {
                consultAgent(otherAgent(chat.owner));
                return;
            }
            boolean toTeam = chat.owner == owner && random.nextInt(3) == 0;
            if (toTeam) {
                consultTeam();
            } else {
                consultAgent(otherAgent(chat.owner));
            }
        }

        private void consultAgent(Party target) throws Exception {
            startConsultation(target.bare(), List.of(target));
        }

        private void consultTeam() throws Exception {
            startConsultation(team, List.of(targetA, targetB));
        }

        private void startConsultation(String target, List<Party> offered) throws Exception {
            program.add("start-consultation");
            Map<Party, Integer> before = new HashMap<>();
            for (Party party : agents) {
                before.put(party, party.mark());
            }
            IQ reply = ask(chat.owner, "consult", Map.of("interaction", chat.id, "target", target), "consult × active",
                    null);
            Consult c = new Consult(Party.ext(reply, "consultation").getAttributeValue("id"),
                    Party.ext(reply, "consultation").getAttributeValue("room"), chat.owner);
            c.initiatorRoom = chat.owner.join(c.room, "initiator" + n);
            Map<Party, String> offers = new HashMap<>();
            for (Party party : offered) {
                Message offer = (Message) party.awaitSince(before.get(party), s -> s.hasExtension("consultation-offer",
                        Party.NS) && c.id.equals(Party.attr(s, "consultation-offer", "consultation")), WAIT);
                offers.put(party, Party.attr(offer, "consultation-offer", "id"));
            }
            chat.consultations.add(c);
            int roll = random.nextInt(10);
            if (roll < 7) {
                Party chosen = offered.get(random.nextInt(offered.size()));
                c.target = chosen;
                c.targetRoom = chosen.join(c.room, "target" + n);
                c.state = ConsultState.ACTIVE;
                c.initiator.awaitSince(before.get(c.initiator), s -> s.hasExtension("consultation-accepted", Party.NS)
                        && c.id.equals(Party.attr(s, "consultation-accepted", "consultation")), WAIT);
                for (Party other : offered) {
                    if (other != chosen) {
                        other.awaitSince(before.get(other), s -> s.hasExtension("revoked", Party.NS)
                                && c.id.equals(Party.attr(s, "revoked", "consultation")), WAIT);
                    }
                }
                // The transcript so far reaches both members: wait for its last line.
                List<Line> said = chat.lines.stream().filter(l -> l.consultation() == null).toList();
                if (!said.isEmpty()) {
                    String last = said.get(said.size() - 1).token();
                    chosen.awaitSince(before.get(chosen), s -> ("mirror:" + c.id).equals(channelOf(s, last)), WAIT);
                }
                if (random.nextInt(4) == 0) {
                    ask(chosen, "decline", Map.of("offer", offers.get(chosen)), "decline × answered",
                            StanzaError.Condition.item_not_found);
                }
            } else {
                if (roll < 9) {
                    for (Party party : offered) {
                        ask(party, "decline", Map.of("offer", offers.get(party)), "decline × open", null);
                    }
                }
                awaitConsultationEnded(c, roll < 9 ? "declined" : "timeout");
                c.state = ConsultState.RELEASED;
                c.endedAtLine = chat.chatLines;
            }
        }

        private void awaitConsultationEnded(Consult c, String reason) throws InterruptedException {
            Message ended = (Message) c.initiator.awaitSince(marks.get(c.initiator), s -> s.hasExtension(
                    "consultation-ended", Party.NS) && c.id.equals(Party.attr(s, "consultation-ended", "consultation")),
                    WAIT);
            if (reason != null) {
                assertThat(Party.attr(ended, "consultation-ended", "reason")).isEqualTo(reason);
            }
        }

        private void endConsultation() throws Exception {
            program.add("end-consultation");
            Consult c = anyConsultation();
            if (c == null) {
                consultOrAfterTheEnd();
                return;
            }
            Party member = member(c);
            if (c.state == ConsultState.ACTIVE) {
                ask(member, "end-consultation", Map.of("consultation", c.id), "end-consultation × active", null);
                awaitConsultationEnded(c, member == c.initiator ? "ended-by-initiator" : "ended-by-target");
                c.state = ConsultState.ENDED;
                c.endedAtLine = chat.chatLines;
            } else {
                ask(member, "end-consultation", Map.of("consultation", c.id), "end-consultation × " + stateOf(c, member),
                        StanzaError.Condition.conflict);
            }
        }

        private void doneConsultation() throws Exception {
            program.add("done-consultation");
            Consult c = anyConsultation();
            if (c == null) {
                consultOrAfterTheEnd();
                return;
            }
            Party member = member(c);
            String state = stateOf(c, member);
            boolean already = c.doneBy(member);
            ask(member, "done", Map.of("consultation", c.id, "disposition", "resolved"), "done-consultation × " + state,
                    already ? StanzaError.Condition.conflict : null);
            if (already) {
                return;
            }
            if (member == c.initiator) {
                c.initiatorDone = true;
            } else {
                c.targetDone = true;
            }
            if (c.state == ConsultState.ACTIVE) {
                awaitConsultationEnded(c, member == c.initiator ? "ended-by-initiator" : "ended-by-target");
                c.state = ConsultState.ENDED;
                c.endedAtLine = chat.chatLines;
            }
        }

        /** IM, call or transcript: answered for an active consultation, item-not-found once it has ended. */
        private void askAboutConsultation() throws Exception {
            program.add("ask-about-consultation");
            List<Consult> accepted = chat.consultations.stream().filter(c -> c.target != null).toList();
            if (accepted.isEmpty()) {
                consultOrAfterTheEnd();
                return;
            }
            Consult c = accepted.get(random.nextInt(accepted.size()));
            Party member = random.nextBoolean() ? c.initiator : c.target;
            String command = List.of("im", "call", "transcript").get(random.nextInt(3));
            String state = c.state == ConsultState.ACTIVE ? "active" : "ended";
            Map<String, String> attributes = command.equals("transcript") ? Map.of("consultation", c.id, "after", "0")
                    : Map.of("consultation", c.id);
            IQ reply = ask(member, command, attributes, IQ.Type.valueOf(command.equals("transcript") ? "get" : "set"),
                    command + " × " + state, state.equals("active") ? null : StanzaError.Condition.item_not_found);
            if (command.equals("transcript") && reply.getType() == IQ.Type.result) {
                long chatLinesSaid = chat.lines.stream().filter(l -> l.consultation() == null).count();
                assertThat(Party.ext(reply, "transcript").getElements()).as("the transcript: the first line and "
                        + "every line since, nothing else").hasSizeGreaterThanOrEqualTo((int) chatLinesSaid + 1);
            }
        }

        /** A member of the consultation: the target where there is one, at random. */
        private Party member(Consult c) {
            return c.target == null || random.nextBoolean() ? c.initiator : c.target;
        }

        private String stateOf(Consult c, Party member) {
            if (c.doneBy(member)) {
                return "done";
            }
            return switch (c.state) {
                case ACTIVE -> "active";
                case ENDED -> "ended";
                case RELEASED -> "released";
            };
        }

        private Consult anyConsultation() {
            return chat.consultations.isEmpty() ? null
                    : chat.consultations.get(random.nextInt(chat.consultations.size()));
        }

        /** Another agent joins the chat's room beside its owner; the contact sees it; it leaves again. */
        private void conference() throws Exception {
            program.add("conference");
            Party target = otherAgent(chat.owner);
            int mark = target.mark();
            int contactMark = contact.mark();
            ask(chat.owner, "conference", Map.of("interaction", chat.id, "target", target.bare()),
                    "conference × active", null);
            target.awaitSince(mark, s -> s.hasExtension("handover-offer", Party.NS)
                    && chat.id.equals(Party.attr(s, "handover-offer", "interaction")), WAIT);
            MultiUserChat room = target.join(chat.room, "guest" + n);
            if (!mucContact) {
                contact.awaitSince(contactMark, body(b -> b.endsWith("has joined the chat.")), WAIT);
            }
            room.leave();
            target.barrier(); // its capacity is freed: the room told the service before it answers the target
        }

        /** Warm or cold: the chat's room gets a new owner and the former one leaves (or is removed). */
        private void transfer() throws Exception {
            program.add("transfer");
            if (!chat.active().isEmpty()) {
                conference(); // a transfer with consultations running is left to HandoverTest
                return;
            }
            Party target = otherAgent(chat.owner);
            boolean warm = random.nextBoolean();
            int mark = target.mark();
            int ownerMark = chat.owner.mark();
            ask(chat.owner, "transfer", Map.of("interaction", chat.id, "target", target.bare(), "mode",
                    warm ? "warm" : "cold"), "transfer × active", null);
            target.awaitSince(mark, s -> s.hasExtension("handover-offer", Party.NS)
                    && chat.id.equals(Party.attr(s, "handover-offer", "interaction")), WAIT);
            MultiUserChat room = target.join(chat.room, "owner" + n + "-" + target.bare().charAt(6));
            chat.owner.awaitSince(ownerMark, s -> s.hasExtension("handover-accepted", Party.NS)
                    && chat.id.equals(Party.attr(s, "handover-accepted", "interaction")), WAIT);
            if (warm) {
                chat.ownerRoom.leave();
            } else {
                MultiUserChat former = chat.ownerRoom;
                RestartTest.waitLong(() -> !former.isJoined());
            }
            chat.owner = target;
            chat.ownerRoom = room;
        }

        private Party otherAgent(Party not) {
            List<Party> others = agents.stream().filter(a -> a != not).toList();
            return others.get(random.nextInt(others.size()));
        }

        /** Commands naming ids that never existed: the same answer as for another's. */
        private void unknownIds() throws Exception {
            program.add("unknown-ids");
            Party agent = agents.get(random.nextInt(agents.size()));
            String action = UNKNOWN_ACTIONS.get(random.nextInt(UNKNOWN_ACTIONS.size()));
            Map<String, String> attributes = new LinkedHashMap<>();
            String command = action;
            switch (action) {
                case "end", "done" -> attributes.put("interaction", UNKNOWN);
                case "consult", "conference" -> attributes.putAll(Map.of("interaction", UNKNOWN, "target",
                        targetB.bare()));
                case "transfer" -> attributes.putAll(Map.of("interaction", UNKNOWN, "target", targetB.bare(),
                        "mode", "warm"));
                case "decline" -> attributes.put("offer", UNKNOWN);
                case "transcript" -> attributes.putAll(Map.of("consultation", UNKNOWN, "after", "0"));
                default -> {
                    attributes.put("consultation", UNKNOWN);
                    command = action.equals("done-consultation") ? "done" : action;
                }
            }
            ask(agent, command, attributes, action.equals("transcript") ? IQ.Type.get : IQ.Type.set,
                    action + " × unknown", StanzaError.Condition.item_not_found);
        }

        /** Declining an offer already accepted or withdrawn. */
        private void declineAnswered() throws Exception {
            program.add("decline-answered");
            if (chat.answeredOffers.isEmpty()) {
                unknownIds();
                return;
            }
            ask(owner, "decline", Map.of("offer", chat.answeredOffers.get(random.nextInt(chat.answeredOffers.size()))),
                    "decline × answered", StanzaError.Condition.item_not_found);
        }

        /** The owner ends it, marks it done, or the contact leaves; every live consultation ends with it. */
        private void endChat() throws Exception {
            program.add("end-chat");
            List<Consult> running = chat.active();
            int contactMark = contact.mark();
            int ownerMark = chat.owner.mark();
            int roll = random.nextInt(3);
            if (roll == 0) {
                ask(chat.owner, "end", Map.of("interaction", chat.id), "end × active", null);
            } else if (roll == 1) {
                ask(chat.owner, "done", Map.of("interaction", chat.id, "disposition", "resolved"), "done × active",
                        null);
            } else if (mucContact) {
                chat.contactRoom.leave();
            } else {
                contact.chat(routingPoint, "/end");
            }
            chat.state = roll == 1 ? ChatState.DONE : ChatState.ENDED;
            for (Consult c : running) {
                awaitConsultationEnded(c, "interaction-ended");
                c.state = ConsultState.ENDED;
                c.endedAtLine = chat.chatLines;
            }
            if (!mucContact) {
                contact.awaitSince(contactMark, s -> s.hasExtension("ended", Party.NS), WAIT);
            } else if (roll != 2) {
                contact.awaitSince(contactMark, s -> s instanceof Presence && MUCUser.from(s) != null
                        && MUCUser.from(s).getDestroy() != null, WAIT);
            }
            // The owner sees the room go. A contact who left while the service was re-entering the room after a
            // restart is seen gone only once it is back in, and given the grace a dropped session gets.
            chat.owner.awaitSince(ownerMark, s -> s instanceof Presence && MUCUser.from(s) != null
                    && MUCUser.from(s).getDestroy() != null && chat.room.equals(s.getFrom().asBareJid().toString()),
                    LEFT_UNSEEN);
        }

        /** Every chat action again once the chat has ended: conflict; consultation actions as the table says. */
        private void afterTheEnd() throws Exception {
            int roll = random.nextInt(4);
            if (roll == 0 || chat.consultations.isEmpty()) {
                chatActionAfterTheEnd();
            } else if (roll == 1) {
                endConsultation();
            } else if (roll == 2) {
                doneConsultation();
            } else {
                askAboutConsultation();
            }
        }

        private void chatActionAfterTheEnd() throws Exception {
            String state = chat.state == ChatState.DONE ? "done" : "ended";
            String command = List.of("end", "done", "consult", "conference", "transfer").get(random.nextInt(5));
            ask(chat.owner, command, chatCommand(command), command + " × " + state, StanzaError.Condition.conflict);
        }

        /** Where a consultation action finds none to act on: a new one, or the chat's actions once it has ended. */
        private void consultOrAfterTheEnd() throws Exception {
            if (chat.state == ChatState.ACTIVE) {
                consult();
            } else {
                chatActionAfterTheEnd();
            }
        }

        // ---- restarts ------------------------------------------------------------------------------------------

        /** Meets the other lanes for a restart; afterwards the service holds what it held before. */
        private void restartHere() throws Exception {
            program.add("restart-here");
            boolean live = chat != null && chat.state == ChatState.ACTIVE;
            List<Consult> running = live ? chat.active() : List.of();
            String history = live ? history(chat) : null;
            Map<String, String> transcripts = new HashMap<>();
            for (Consult c : running) {
                transcripts.put(c.id, transcript(c));
            }
            int contactMark = contact.mark();
            meeting.arrive(live ? 1 : 0, running.size());
            if (!live) {
                return;
            }
            assertThat(history(chat)).as("the chat's history after the restart").isEqualTo(history);
            for (Consult c : running) {
                assertThat(transcript(c)).as("the consultation's transcript after the restart")
                        .isEqualTo(transcripts.get(c.id));
            }
            if (!mucContact) {
                // The bridged contact is told once that the service was away (and to send again what bounced).
                contact.awaitSince(contactMark, body(b -> b.contains("unavailable for a moment")), WAIT);
                outagesSeen++;
            }
        }

        private String history(Chat c) throws Exception {
            IQ reply = ask(c.owner, "history", Map.of("interaction", c.id), IQ.Type.get, null, null);
            return Party.ext(reply, "history").toXML().toString();
        }

        private String transcript(Consult c) throws Exception {
            IQ reply = ask(c.target, "transcript", Map.of("consultation", c.id, "after", "0"), IQ.Type.get, null, null);
            return Party.ext(reply, "transcript").toXML().toString();
        }

        // ---- checks --------------------------------------------------------------------------------------------

        private IQ ask(Party party, String command, Map<String, String> attributes, String cell,
                StanzaError.Condition expected) throws Exception {
            return ask(party, command, attributes, IQ.Type.set, cell, expected);
        }

        /** Sends a command, checks its answer against the model and notes the table cell it met. */
        private IQ ask(Party party, String command, Map<String, String> attributes, IQ.Type type, String cell,
                StanzaError.Condition expected) throws Exception {
            IQ reply = party.command(command, attributes, type);
            requests++;
            asked.computeIfAbsent(party, p -> new ArrayList<>()).add(reply.getStanzaId());
            String answer = reply.getType() == IQ.Type.result ? "result"
                    : reply.getError() == null ? reply.getType().toString() : reply.getError().getCondition().toString();
            String wanted = expected == null ? "result" : expected.toString();
            assertThat(answer).as("%s %s by %s: %s", command, attributes, party.bare(), reply.toXML()).isEqualTo(wanted);
            if (cell != null) {
                cells.merge(cell + " → " + answer, 1, Integer::sum);
            }
            return reply;
        }

        private void checkEveryRequestAnsweredOnce() {
            asked.forEach((party, ids) -> {
                Map<String, Long> answers = new HashMap<>();
                for (Stanza stanza : party.receivedSince(marks.get(party))) {
                    if (stanza instanceof IQ && (((IQ) stanza).getType() == IQ.Type.result
                            || ((IQ) stanza).getType() == IQ.Type.error)) {
                        answers.merge(stanza.getStanzaId(), 1L, Long::sum);
                    }
                }
                for (String id : ids) {
                    assertThat(answers.getOrDefault(id, 0L)).as("answers to request %s of %s", id, party.bare())
                            .isEqualTo(1L);
                }
            });
        }

        /** The export is read behind every write before it: it must come within a second and hold every line. */
        private void checkDurable() throws Exception {
            long started = System.nanoTime();
            IQ reply = ask(chat.owner, "export", Map.of("interaction", chat.id), IQ.Type.get, null, null);
            slowestDurableMs = Math.max(slowestDurableMs, (System.nanoTime() - started) / 1_000_000);
            String export = Party.ext(reply, "export").getText();
            assertThat(export).contains("\"state\": \"ended\"");
            for (Line line : chat.lines) {
                assertThat(occurrences(export, line.token())).as("line %s in the stored record", line.token())
                        .isEqualTo(1);
            }
        }

        /** Each line reached each party as often as the model says (once, or never), over every path. */
        private void checkLineCounts() {
            for (Line line : chat.lines) {
                Map<String, Long> expected = expectedReceipts(line);
                Map<String, Long> actual = new TreeMap<>();
                for (Party party : parties()) {
                    for (Stanza stanza : party.receivedSince(marks.get(party))) {
                        String channel = channelOf(stanza, line.token());
                        boolean ownEcho = party == line.from() && channel != null && channel.equals("room:" + line.room());
                        if (channel != null && !ownEcho) {
                            actual.merge(name(party) + " " + channel, 1L, Long::sum);
                        }
                    }
                }
                assertThat(actual).as("receipts of %s (said by %s)", line.token(), name(line.from()))
                        .isEqualTo(expected);
                receipts += actual.values().stream().mapToLong(Long::longValue).sum();
            }
            if (!mucContact) {
                List<Stanza> notices = contact.receivedSince(marks.get(contact)).stream()
                        .filter(body(b -> b.contains("unavailable for a moment"))).toList();
                assertThat(notices).as("outage notices to the bridged contact").hasSize(outagesSeen);
            }
        }

        /** Who must receive a line, on which path: once each. */
        private Map<String, Long> expectedReceipts(Line line) {
            Map<String, Long> expected = new TreeMap<>();
            if (line.consultation() != null) {
                Consult c = line.consultation();
                Party other = line.from() == c.initiator ? c.target : c.initiator;
                expected.put(name(other) + " room:" + c.room, 1L);
                return expected;
            }
            if (line.from() == contact) {
                expected.put(name(chatOwnerAt(line)) + " room:" + chat.room, 1L);
            } else {
                expected.put(name(contact) + (mucContact ? " room:" + chat.room : " direct"), 1L);
            }
            for (Consult c : chat.consultations) {
                if (c.target != null && line.index() < c.endedAtLine) {
                    expected.merge(name(c.initiator) + " mirror:" + c.id, 1L, Long::sum);
                    expected.merge(name(c.target) + " mirror:" + c.id, 1L, Long::sum);
                }
            }
            return expected;
        }

        /** The owner when the line was said: lines are said by the owner of the moment or to them. */
        private Party chatOwnerAt(Line line) {
            return line.from() == contact ? ownerWhenSaid.getOrDefault(line.token(), chat.owner) : line.from();
        }

        private final Map<String, Party> ownerWhenSaid = new HashMap<>();

        private String token(String kind) {
            String token = "m" + n + "x" + (++tokens) + kind;
            if (chat != null && kind.equals("contact")) {
                ownerWhenSaid.put(token, chat.owner);
            }
            return token;
        }

        /** Which path a stanza carrying this line came by, or null if it does not carry it (room history aside). */
        private String channelOf(Stanza stanza, String token) {
            if (!(stanza instanceof Message) || ((Message) stanza).getBody() == null
                    || !((Message) stanza).getBody().endsWith(token)
                    || stanza.getExtensionElement("delay", "urn:xmpp:delay") != null) {
                return null;
            }
            Message message = (Message) stanza;
            if (message.hasExtension("mirrored", Party.NS)) {
                return "mirror:" + Party.attr(message, "mirrored", "consultation");
            }
            String from = message.getFrom().asBareJid().toString();
            if (message.getType() == Message.Type.groupchat) {
                return "room:" + from;
            }
            return from.equals(routingPoint) ? "direct" : "other:" + from;
        }

        private String name(Party party) {
            return party == owner ? "owner" : party == targetA ? "targetA" : party == targetB ? "targetB" : "contact";
        }

        private Party byName(String name) {
            return switch (name) {
                case "owner" -> owner;
                case "targetA" -> targetA;
                case "targetB" -> targetB;
                default -> contact;
            };
        }

        private static int occurrences(String text, String token) {
            int count = 0;
            for (int i = text.indexOf(token); i >= 0; i = text.indexOf(token, i + 1)) {
                count++;
            }
            return count;
        }

        private static Predicate<Stanza> body(Predicate<String> test) {
            return s -> s instanceof Message && ((Message) s).getBody() != null && test.test(((Message) s).getBody());
        }

        @Override
        public void close() {
            for (Party party : parties()) {
                party.close();
            }
        }
    }

    private LifecycleModelTest() {
    }

    static Set<String> sorted(Set<String> cells) {
        return new TreeSet<>(cells);
    }
}
