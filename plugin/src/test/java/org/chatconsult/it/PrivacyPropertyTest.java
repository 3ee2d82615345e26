package org.chatconsult.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.packet.MUCUser;
import org.jxmpp.jid.parts.Resourcepart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestTemplate;

/**
 * The rule that never bends, as a property: whatever happens around a chat (consultations started, accepted,
 * declined, timed out, talked in, ended, marked done, several at once, the chat ending under them; a supervisor
 * monitoring it, with its consultations or without, whispering to its agent, leaving), the contact never receives
 * a byte of a consultation or of the supervision, and nothing said in a consultation or supervision room reaches
 * the contact room.
 * Random programs of lifecycle operations run against the real server, in four lanes at once; a failure names
 * the seed, lane, sequence and program. The suite runs a fixed seed, so a red run can be replayed;
 * {@code -Dchatconsult.property.seed=S} explores others and {@code -Dchatconsult.property.sequences=N} changes
 * the count.
 */
@OnBothServers
class PrivacyPropertyTest {
    static final int SEQUENCES = Integer.getInteger("chatconsult.property.sequences", 1000);
    static final long SEED = Long.getLong("chatconsult.property.seed", 20261127L);
    static final Duration OFFER_TIMEOUT = Duration.ofMillis(500);
    static final Set<String> ALL_CONSULTATIONS = ConcurrentHashMap.newKeySet();
    static final Set<String> ALL_SUPERVISIONS = ConcurrentHashMap.newKeySet();

    enum Op { CONTACT_SAYS, OWNER_SAYS, CONSULT_AGENT, CONSULT_TEAM, CONSULT_SAYS, END_CONSULT, DONE, MONITOR, WHISPER,
        UNMONITOR }

    enum Response { ACCEPT, DECLINE, TIMEOUT }

    enum Finish { CONTACT_ENDS, OWNER_ENDS }

    /** One generated program: the steps between a chat's start and its end. */
    record Program(List<Op> ops, List<Response> responses, Finish finish) {
        static Program random(Random random) {
            Op[] weighted = {Op.CONTACT_SAYS, Op.CONTACT_SAYS, Op.CONTACT_SAYS, Op.OWNER_SAYS, Op.OWNER_SAYS,
                Op.CONSULT_AGENT, Op.CONSULT_AGENT, Op.CONSULT_TEAM, Op.CONSULT_SAYS, Op.CONSULT_SAYS,
                Op.CONSULT_SAYS, Op.END_CONSULT, Op.DONE, Op.MONITOR, Op.MONITOR, Op.WHISPER, Op.WHISPER, Op.UNMONITOR};
            List<Op> ops = new ArrayList<>();
            List<Response> responses = new ArrayList<>();
            int length = 3 + random.nextInt(10);
            for (int i = 0; i < length; i++) {
                Op op = weighted[random.nextInt(weighted.length)];
                ops.add(op);
                if (op == Op.CONSULT_AGENT || op == Op.CONSULT_TEAM) {
                    int roll = random.nextInt(100);
                    responses.add(roll < 72 ? Response.ACCEPT : roll < 95 ? Response.DECLINE : Response.TIMEOUT);
                }
            }
            return new Program(ops, responses, random.nextBoolean() ? Finish.CONTACT_ENDS : Finish.OWNER_ENDS);
        }
    }

    @TestTemplate
    void contactsNeverReceiveAByteOfAConsultation(TestServer server) throws Exception {
        try (TestServer.Service service = server.service(TestServer.settings(OFFER_TIMEOUT, Duration.ofMinutes(5), 30))) {
            ExecutorService pool = Executors.newFixedThreadPool(TestServer.LANES);
            List<Future<Lane>> lanes = new ArrayList<>();
            long started = System.nanoTime();
            for (int n = 1; n <= TestServer.LANES; n++) {
                int lane = n;
                int sequences = SEQUENCES / TestServer.LANES + (lane <= SEQUENCES % TestServer.LANES ? 1 : 0);
                lanes.add(pool.submit(() -> {
                    try (Lane runner = new Lane(server, lane, new Random(SEED * 31 + lane))) {
                        runner.run(sequences);
                        return runner;
                    }
                }));
            }
            Map<Op, Integer> ops = new EnumMap<>(Op.class);
            Map<Response, Integer> responses = new EnumMap<>(Response.class);
            int sequences = 0;
            int checked = 0;
            int secrets = 0;
            int mirrored = 0;
            int whispers = 0;
            for (Future<Lane> future : lanes) {
                Lane lane = future.get();
                sequences += lane.sequences;
                checked += lane.contactStanzasChecked;
                secrets += lane.secretsSaid;
                mirrored += lane.mirroredSeen;
                whispers += lane.whispersSaid;
                lane.ops.forEach((op, count) -> ops.merge(op, count, Integer::sum));
                lane.responses.forEach((r, count) -> responses.merge(r, count, Integer::sum));
            }
            pool.shutdown();
            System.out.printf("privacy property: seed %d, %d sequences in %.1f s; operations %s; consultation "
                    + "responses %s; %d consultation lines said, %d whispers, %d mirrored lines received by targets "
                    + "and supervisors; %d stanzas to contacts checked, 0 leaks%n", SEED, sequences,
                    (System.nanoTime() - started) / 1e9, ops, responses, secrets, whispers, mirrored, checked);
            assertThat(sequences).isEqualTo(SEQUENCES);
            assertThat(responses.keySet()).containsExactlyInAnyOrder(Response.values());
            assertThat(secrets).isPositive();
            assertThat(whispers).isPositive();
        }
    }

    /** One contact, its chat's owner and two agents to consult, driving programs one after another. */
    static final class Lane implements AutoCloseable {
        private static final Duration WAIT = Duration.ofSeconds(10);

        final int lane;
        final Random random;
        final Party owner;
        final Party targetA;
        final Party targetB;
        final Party contact;
        final Party supervisor;
        final boolean mucContact;
        final String routingPoint;
        final Set<String> consultations = ConcurrentHashMap.newKeySet();
        final Map<Op, Integer> ops = new EnumMap<>(Op.class);
        final Map<Response, Integer> responses = new EnumMap<>(Response.class);
        int sequences;
        int contactStanzasChecked;
        int secretsSaid;
        int mirroredSeen;
        int whispersSaid;
        private int contactMark;
        /** The supervisor's watch of the running sequence's chat, while she watches it. */
        private Watch watch;

        /** A supervision of the lane's chat: its id, her room, and whether the owner has entered it. */
        private static final class Watch {
            final String id;
            final String room;
            final MultiUserChat supervisorRoom;
            final boolean withConsultations;
            boolean ownerIn;

            Watch(String id, String room, MultiUserChat supervisorRoom, boolean withConsultations) {
                this.id = id;
                this.room = room;
                this.supervisorRoom = supervisorRoom;
                this.withConsultations = withConsultations;
            }
        }

        /** A consultation the lane is in, with both members' rooms. */
        private static final class Active {
            final String id;
            final MultiUserChat initiatorRoom;
            final Party target;
            final MultiUserChat targetRoom;
            boolean ended;
            boolean ownerDone;
            boolean targetDone;

            Active(String id, MultiUserChat initiatorRoom, Party target, MultiUserChat targetRoom) {
                this.id = id;
                this.initiatorRoom = initiatorRoom;
                this.target = target;
                this.targetRoom = targetRoom;
            }
        }

        Lane(TestServer server, int lane, Random random) throws Exception {
            this.lane = lane;
            this.random = random;
            this.owner = server.connect("owner" + lane);
            this.targetA = server.connect("targeta" + lane);
            this.targetB = server.connect("targetb" + lane);
            this.mucContact = lane % 2 == 0;
            this.contact = mucContact ? server.connect("lanecontact" + lane) : server.connectPlain("lanecontact" + lane);
            this.routingPoint = "lane" + lane + "@consult.localhost";
            this.supervisor = server.connect("supervisor" + lane);
        }

        void run(int count) throws Exception {
            owner.ready(30);
            targetA.ready(30);
            targetB.ready(30);
            for (int s = 0; s < count; s++) {
                Program program = Program.random(random);
                try {
                    runSequence(program);
                    checkPrivacy();
                } catch (Throwable failure) {
                    throw new AssertionError("lane " + lane + ", sequence " + s + ", seed " + SEED + ", program "
                            + program + ": " + failure.getMessage(), failure);
                }
                sequences++;
            }
        }

        private void runSequence(Program program) throws Exception {
            owner.forget();
            targetA.forget();
            targetB.forget();
            supervisor.forget();
            watch = null;
            int contactStart = contact.mark();
            String marker = "start-" + UUID.randomUUID();
            contact.chat(routingPoint, marker);
            MultiUserChat contactRoom = null;
            if (mucContact) {
                Message invite = (Message) contact.awaitSince(contactStart, s -> s instanceof Message
                        && MUCUser.from(s) != null && MUCUser.from(s).getInvite() != null, WAIT);
                contactRoom = org.jivesoftware.smackx.muc.MultiUserChatManager.getInstanceFor(contact.connection())
                        .getMultiUserChat(invite.getFrom().asEntityBareJidIfPossible());
                contactRoom.join(Resourcepart.from("contact" + lane));
            }
            Message offer = owner.awaitMessage(m -> m.hasExtension("offer", Party.NS)
                    && marker.equals(Party.ext(m, "offer").getFirstElement("preview").getText()));
            String interaction = Party.attr(offer, "offer", "interaction");
            String chatRoom = Party.attr(offer, "offer", "room");
            MultiUserChat ownerRoom = owner.join(chatRoom, "Owner " + lane);
            if (!mucContact) {
                contact.awaitSince(contactStart, s -> s instanceof Message && ((Message) s).getBody() != null
                        && ((Message) s).getBody().endsWith("has joined the chat."), WAIT);
            }
            List<Active> active = new ArrayList<>();
            List<Active> all = new ArrayList<>();
            int response = 0;
            for (Op op : program.ops()) {
                ops.merge(op, 1, Integer::sum);
                switch (op) {
                    case CONTACT_SAYS: {
                        String text = "public-" + UUID.randomUUID();
                        if (mucContact) {
                            contactRoom.sendMessage(text);
                        } else {
                            contact.chat(routingPoint, text);
                        }
                        owner.awaitMessage(m -> m.getType() == Message.Type.groupchat && text.equals(m.getBody()));
                        awaitMirrored(active, text);
                        break;
                    }
                    case OWNER_SAYS: {
                        String text = "owner-" + UUID.randomUUID();
                        ownerRoom.sendMessage(text);
                        contact.awaitSince(contactStart, s -> s instanceof Message && ((Message) s).getBody() != null
                                && ((Message) s).getBody().endsWith(text), WAIT);
                        awaitMirrored(active, text);
                        break;
                    }
                    case CONSULT_AGENT:
                    case CONSULT_TEAM: {
                        Response answer = program.responses().get(response++);
                        responses.merge(answer, 1, Integer::sum);
                        Active started = consult(interaction, op == Op.CONSULT_TEAM, answer, marker);
                        if (started != null) {
                            active.add(started);
                            all.add(started);
                        }
                        break;
                    }
                    case CONSULT_SAYS: {
                        if (active.isEmpty()) {
                            break;
                        }
                        Active consultation = active.get(random.nextInt(active.size()));
                        String text = "secret-" + UUID.randomUUID();
                        boolean fromTarget = random.nextBoolean();
                        (fromTarget ? consultation.targetRoom : consultation.initiatorRoom).sendMessage(text);
                        (fromTarget ? owner : consultation.target).awaitMessage(m ->
                                m.getType() == Message.Type.groupchat && text.equals(m.getBody()));
                        if (watch != null && watch.withConsultations) {
                            awaitWatched(text);
                        }
                        secretsSaid++;
                        break;
                    }
                    case MONITOR: {
                        if (watch == null) {
                            watch = monitor(interaction, marker);
                        }
                        break;
                    }
                    case WHISPER: {
                        if (watch != null) {
                            whisper();
                        }
                        break;
                    }
                    case UNMONITOR: {
                        if (watch != null) {
                            assertResult(supervisor.command("end-supervision", Map.of("supervision", watch.id)));
                            watch = null;
                        }
                        break;
                    }
                    case END_CONSULT: {
                        if (active.isEmpty()) {
                            break;
                        }
                        Active consultation = active.remove(random.nextInt(active.size()));
                        Party member = random.nextBoolean() ? owner : consultation.target;
                        assertResult(member.command("end-consultation", Map.of("consultation", consultation.id)));
                        awaitEnded(consultation.id, null);
                        consultation.ended = true;
                        break;
                    }
                    default: { // DONE
                        List<Active> open = all.stream().filter(a -> !a.ownerDone || !a.targetDone).toList();
                        if (open.isEmpty()) {
                            break;
                        }
                        Active consultation = open.get(random.nextInt(open.size()));
                        boolean byOwner = !consultation.ownerDone && (consultation.targetDone || random.nextBoolean());
                        Party member = byOwner ? owner : consultation.target;
                        assertResult(member.command("done", Map.of("consultation", consultation.id,
                                "disposition", "resolved")));
                        if (byOwner) {
                            consultation.ownerDone = true;
                        } else {
                            consultation.targetDone = true;
                        }
                        if (!consultation.ended) {
                            awaitEnded(consultation.id, null);
                            consultation.ended = true;
                            active.remove(consultation);
                        }
                    }
                }
            }
            if (program.finish() == Finish.CONTACT_ENDS) {
                if (mucContact) {
                    contactRoom.leave();
                } else {
                    contact.chat(routingPoint, "/end");
                }
            } else {
                assertResult(owner.command("end", Map.of("interaction", interaction)));
            }
            for (Active consultation : active) {
                awaitEnded(consultation.id, "interaction-ended");
            }
            if (!mucContact || program.finish() == Finish.OWNER_ENDS) {
                contact.awaitSince(contactStart, s -> mucContact
                        ? s instanceof Presence && MUCUser.from(s) != null && MUCUser.from(s).getDestroy() != null
                        : s.hasExtension("ended", Party.NS), WAIT);
            }
            for (Stanza stanza : owner.received()) {
                if (stanza.getFrom() != null && stanza.getFrom().toString().startsWith(chatRoom)) {
                    assertThat(stanza.toXML().toString()).as("contact room traffic").doesNotContain("secret-")
                            .doesNotContain("whisper-");
                }
            }
        }

        /** The lane's supervisor monitors the chat; her room shows it from its first line. */
        private Watch monitor(String interaction, String marker) throws Exception {
            boolean withConsultations = random.nextBoolean();
            IQ reply = supervisor.command("monitor", Map.of("interaction", interaction,
                    "consultations", String.valueOf(withConsultations)));
            assertResult(reply);
            String id = Party.ext(reply, "supervision").getAttributeValue("id");
            String room = Party.ext(reply, "supervision").getAttributeValue("room");
            ALL_SUPERVISIONS.add(id);
            MultiUserChat supervisorRoom = supervisor.join(room, "Supervisor " + lane);
            supervisor.awaitMessage(m -> m.hasExtension("mirrored", Party.NS) && m.getBody().endsWith(marker)
                    && id.equals(Party.attr(m, "mirrored", "supervision")));
            mirroredSeen++;
            return new Watch(id, room, supervisorRoom, withConsultations);
        }

        /** A whisper, asked for or typed in her room; the owner is told of the first and reads them all there. */
        private void whisper() throws Exception {
            String text = "whisper-" + UUID.randomUUID();
            if (random.nextBoolean()) {
                assertResult(supervisor.command("whisper", Map.of("supervision", watch.id), text));
            } else {
                watch.supervisorRoom.sendMessage(text);
            }
            if (!watch.ownerIn) {
                String id = watch.id;
                owner.awaitMessage(m -> m.hasExtension("supervised", Party.NS)
                        && id.equals(Party.attr(m, "supervised", "supervision")));
                owner.join(watch.room, "Owner " + lane);
                watch.ownerIn = true;
            }
            owner.awaitMessage(m -> m.getType() == Message.Type.groupchat && m.getBody() != null
                    && m.getBody().endsWith(text));
            whispersSaid++;
        }

        private void awaitWatched(String text) throws InterruptedException {
            String id = watch.id;
            supervisor.awaitMessage(m -> m.hasExtension("mirrored", Party.NS) && m.getBody().endsWith(text)
                    && id.equals(Party.attr(m, "mirrored", "supervision")));
            mirroredSeen++;
        }

        /** Starts a consultation and has its target(s) answer; returns it if accepted. */
        private Active consult(String interaction, boolean team, Response answer, String marker) throws Exception {
            Party direct = random.nextBoolean() ? targetA : targetB;
            String target = team ? "team" + lane + "@consult.localhost" : direct.bare();
            IQ reply = owner.command("consult", Map.of("interaction", interaction, "target", target));
            assertResult(reply);
            String id = Party.ext(reply, "consultation").getAttributeValue("id");
            String room = Party.ext(reply, "consultation").getAttributeValue("room");
            consultations.add(id);
            ALL_CONSULTATIONS.add(id);
            MultiUserChat initiatorRoom = owner.join(room, "Owner " + lane);
            List<Party> offered = team ? List.of(targetA, targetB) : List.of(direct);
            Map<Party, String> offers = new java.util.HashMap<>();
            for (Party target0 : offered) {
                Message offer = target0.awaitMessage(m -> m.hasExtension("consultation-offer", Party.NS)
                        && id.equals(Party.attr(m, "consultation-offer", "consultation")));
                offers.put(target0, Party.attr(offer, "consultation-offer", "id"));
            }
            switch (answer) {
                case ACCEPT: {
                    Party chosen = offered.get(random.nextInt(offered.size()));
                    MultiUserChat targetRoom = chosen.join(room, "Target " + lane + (chosen == targetA ? "a" : "b"));
                    owner.awaitMessage(m -> m.hasExtension("consultation-accepted", Party.NS)
                            && id.equals(Party.attr(m, "consultation-accepted", "consultation")));
                    for (Party other : offered) {
                        if (other != chosen) {
                            other.awaitMessage(m -> m.hasExtension("revoked", Party.NS)
                                    && id.equals(Party.attr(m, "revoked", "consultation")));
                        }
                    }
                    // The whole transcript so far is mirrored, starting with the contact's first line.
                    chosen.awaitMessage(m -> m.hasExtension("mirrored", Party.NS) && m.getBody().endsWith(marker)
                            && id.equals(Party.attr(m, "mirrored", "consultation")));
                    mirroredSeen++;
                    return new Active(id, initiatorRoom, chosen, targetRoom);
                }
                case DECLINE:
                    for (Party target0 : offered) {
                        assertResult(target0.command("decline", Map.of("offer", offers.get(target0))));
                    }
                    awaitEnded(id, "declined");
                    return null;
                default:
                    awaitEnded(id, "timeout");
                    return null;
            }
        }

        private void awaitMirrored(List<Active> active, String text) throws InterruptedException {
            for (Active consultation : active) {
                consultation.target.awaitMessage(m -> m.hasExtension("mirrored", Party.NS) && m.getBody().endsWith(text)
                        && consultation.id.equals(Party.attr(m, "mirrored", "consultation")));
                mirroredSeen++;
            }
            if (watch != null) {
                awaitWatched(text);
            }
        }

        private void awaitEnded(String id, String reason) throws InterruptedException {
            Message ended = owner.awaitMessage(m -> m.hasExtension("consultation-ended", Party.NS)
                    && id.equals(Party.attr(m, "consultation-ended", "consultation")));
            if (reason != null) {
                assertThat(Party.attr(ended, "consultation-ended", "reason")).isEqualTo(reason);
            }
        }

        private static void assertResult(IQ reply) {
            assertThat(reply.getType()).as(() -> reply.toXML().toString()).isEqualTo(IQ.Type.result);
        }

        /** Nothing the contact received since the last check names, carries or hints at a consultation. */
        private void checkPrivacy() {
            List<Stanza> fresh = contact.receivedSince(contactMark);
            contactMark += fresh.size();
            for (Stanza stanza : fresh) {
                assertNoLeak(stanza, consultations);
            }
            contactStanzasChecked += fresh.size();
        }

        static void assertNoLeak(Stanza stanza, Set<String> consultationIds) {
            String xml = stanza.toXML().toString();
            assertThat(xml).doesNotContain("secret-").doesNotContain("consultation").doesNotContain("mirrored")
                    .doesNotContain("whisper").doesNotContain("supervis").doesNotContain("monitor");
            for (String id : consultationIds) {
                assertThat(xml).doesNotContain(id);
            }
            for (String id : ALL_SUPERVISIONS) {
                assertThat(xml).doesNotContain(id);
            }
            if (stanza instanceof Message && ((Message) stanza).getType() == Message.Type.error) {
                assertThat(((Message) stanza).getError().getCondition()).isNotEqualTo(StanzaError.Condition.forbidden);
            }
        }

        @Override
        public void close() {
            // Last word: everything any contact of this lane ever received, against every consultation of the run.
            for (Stanza stanza : contact.received()) {
                assertNoLeak(stanza, ALL_CONSULTATIONS);
            }
            owner.close();
            targetA.close();
            targetB.close();
            supervisor.close();
            contact.close();
        }
    }
}
