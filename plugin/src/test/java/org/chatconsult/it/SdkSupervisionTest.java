package org.chatconsult.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.chatconsult.sdk.Interaction;
import org.chatconsult.sdk.LiveChat;
import org.chatconsult.sdk.MirroredLine;
import org.chatconsult.sdk.OfferListener;
import org.chatconsult.sdk.Supervision;
import org.chatconsult.sdk.SupervisionInfo;
import org.chatconsult.sdk.SupervisionListener;
import org.chatconsult.sdk.SupervisorManager;
import org.chatconsult.sdk.packet.OfferExtension;
import org.chatconsult.sdk.packet.SupervisedExtension;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.junit.jupiter.api.TestTemplate;

/**
 * A supervisor's desk written only against the SDK's public API, on a real server: she (agent3, of the supervisors
 * group) lists the live chats, monitors one, whispers to its agent (whose SDK is told), barges in and leaves.
 */
@OnBothServers
class SdkSupervisionTest {
    private static final Duration LONG = Duration.ofMinutes(2);
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String SALES = "sales@consult.localhost";

    @TestTemplate
    void aSupervisorMonitorsWhispersBargesInAndLeaves(TestServer server) throws Exception {
        try (Party aliceDesk = server.connect("agent1");
                Party sueDesk = server.connect("agent3");
                Party carol = server.connectPlain("contact1");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3))) {
            AgentDesk alice = new AgentDesk(aliceDesk);
            BlockingQueue<SupervisedExtension> told = new LinkedBlockingQueue<>();
            alice.agents.addOfferListener(new OfferListener() {
                @Override
                public void offerReceived(OfferExtension offer) {
                }

                @Override
                public void supervised(SupervisedExtension notice) {
                    told.add(notice);
                }
            });
            alice.agents.setReady();
            carol.chat(SALES, "Hi, my parcel is late");
            Interaction chat = alice.agents.accept(alice.next(alice.chats), "Agent 1");
            carol.awaitBody("has joined the chat");
            carol.chat(SALES, "Order 4711");
            Await.until(WAIT, "the agent's chat has \"Order 4711\"", () -> saidIn(chat, "Order 4711"));

            SupervisorManager sue = SupervisorManager.getInstanceFor(sueDesk.connection());
            List<MirroredLine> lines = new CopyOnWriteArrayList<>();
            List<String> saidInHerRoom = new CopyOnWriteArrayList<>();
            sue.addSupervisionListener(new SupervisionListener() {
                @Override
                public void lineMirrored(Supervision supervision, MirroredLine line) {
                    lines.add(line);
                }

                @Override
                public void message(Supervision supervision, String from, String body) {
                    saidInHerRoom.add(from + ": " + body);
                }
            });

            // The live list: the chat, its agent, answered.
            LiveChat live = sue.liveChats().stream().filter(c -> chat.getId().equals(c.getId())).findFirst()
                    .orElseThrow();
            assertThat(live.getAgent().toString()).isEqualTo("agent1@localhost");
            assertThat(live.getRoutingPoint()).isEqualTo("sales");
            assertThat(live.getAnswered()).isNotNull();

            // Monitoring: the chat so far, then a live line, each once and in order.
            Supervision watching = sue.monitor(chat.getId(), false, "Sue");
            assertThat(sue.supervisions()).extracting(SupervisionInfo::getId).contains(watching.getId());
            awaitLine(lines, "Order 4711");
            carol.chat(SALES, "Any news?");
            MirroredLine news = awaitLine(lines, "Any news?");
            assertThat(news.getLine().getRole()).isEqualTo("contact");
            assertThat(news.getConsultation()).isNull();
            assertThat(lines).extracting(line -> line.getLine().getText())
                    .containsSubsequence("Hi, my parcel is late", "Order 4711", "Any news?");
            assertThat(lines).extracting(line -> line.getLine().getSeq()).isSorted().doesNotHaveDuplicates();

            // A whisper: the agent's SDK is told where to read it; she reads it there, and answers.
            watching.whisper("Offer the voucher");
            SupervisedExtension whisper = next(told, n -> SupervisedExtension.WHISPER.equals(n.getAction()));
            assertThat(whisper.getInteraction()).isEqualTo(chat.getId());
            assertThat(whisper.getSupervisor().toString()).isEqualTo("agent3@localhost");
            assertThat(whisper.getRoom().toString()).isEqualTo(watching.getInfo().getRoom().toString());
            MultiUserChat aliceInHerRoom = aliceDesk.join(whisper.getRoom().toString(), "Agent 1");
            aliceDesk.awaitMessage(m -> m.getBody() != null && m.getBody().endsWith("(whisper): Offer the voucher"));
            aliceInHerRoom.sendMessage("Will do");
            Await.until(WAIT, "the agent's answer in her room", () -> saidInHerRoom.contains("Agent 1: Will do"));

            // A barge-in: the contact is told, and hears her.
            MultiUserChat chatRoom = watching.bargeIn();
            assertThat(watching.getInfo().getMode()).isEqualTo("barged");
            carol.awaitBody(server.displayName("agent3") + " (supervisor) has joined the chat.");
            assertThat(next(told, n -> SupervisedExtension.BARGED.equals(n.getAction())).getRoom().toString())
                    .isEqualTo(chatRoom.getRoom().toString());
            chatRoom.sendMessage("I am Sue, I can help");
            carol.awaitBody("I am Sue, I can help");

            // Leaving: the contact and the agent are told; the chat goes on with its agent.
            watching.leave();
            carol.awaitBody(server.displayName("agent3") + " has left the chat.");
            next(told, n -> SupervisedExtension.ENDED.equals(n.getAction()));
            assertThat(sue.supervisions()).extracting(SupervisionInfo::getId).doesNotContain(watching.getId());
            carol.chat(SALES, "Thanks");
            Await.until(WAIT, "the agent's chat has \"Thanks\"", () -> saidIn(chat, "Thanks"));
        }
    }

    private static boolean saidIn(Interaction chat, String text) {
        return chat.getMessages().stream().anyMatch(m -> text.equals(m.getBody()));
    }

    private static MirroredLine awaitLine(List<MirroredLine> lines, String text) throws InterruptedException {
        MirroredLine line = Await.value(WAIT, () -> lines.stream().filter(l -> text.equals(l.getLine().getText()))
                .findFirst().orElse(null));
        assertThat(line).as("the line \"" + text + "\" mirrored within " + WAIT.toSeconds() + " s").isNotNull();
        return line;
    }

    private static <T> T next(BlockingQueue<T> queue, Predicate<T> match) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            T item = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            assertThat(item).as("expected within " + WAIT.toSeconds() + " s").isNotNull();
            if (match.test(item)) {
                return item;
            }
        }
    }
}
