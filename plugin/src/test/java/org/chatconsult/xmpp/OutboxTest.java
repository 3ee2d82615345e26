package org.chatconsult.xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;

class OutboxTest {
    private static Message line(String id) {
        Message message = new Message();
        message.setID(id);
        return message;
    }

    private static List<String> ids(List<Packet> packets) {
        return packets.stream().map(Packet::getID).toList();
    }

    @Test
    void sendsEverythingInTheOrderGivenAndFlushesOnClose() {
        List<Packet> server = new CopyOnWriteArrayList<>();
        Outbox outbox = new Outbox(server::add);
        for (int i = 0; i < 10_000; i++) {
            outbox.send(line("m" + i));
        }
        outbox.close(Duration.ofSeconds(10));

        assertThat(server).hasSize(10_000);
        assertThat(ids(server)).startsWith("m0", "m1", "m2").endsWith("m9998", "m9999");
        for (int i = 0; i < server.size(); i++) {
            assertThat(server.get(i).getID()).isEqualTo("m" + i);
        }
    }

    @Test
    void theCallerDoesNotWaitForTheServer() throws Exception {
        CountDownLatch serverMayGo = new CountDownLatch(1);
        List<Packet> server = new CopyOnWriteArrayList<>();
        Outbox outbox = new Outbox(packet -> {
            await(serverMayGo);
            server.add(packet);
        });
        outbox.send(line("slow"));
        outbox.send(line("next"));

        assertThat(server).isEmpty(); // both queued, the caller already back
        serverMayGo.countDown();
        outbox.close(Duration.ofSeconds(5));
        assertThat(ids(server)).containsExactly("slow", "next");
    }

    /**
     * The server hands the service a stanza inside a send, and the service sends on from there: it keeps its place
     * after what was queued before it (a leave already queued is not overtaken by an enter).
     */
    @Test
    void aSendFromInsideASendKeepsItsPlace() {
        List<Packet> server = new CopyOnWriteArrayList<>();
        Outbox[] outbox = new Outbox[1];
        outbox[0] = new Outbox(packet -> {
            server.add(packet);
            if (packet.getID().equals("line")) {
                outbox[0].send(line("answer"));
            }
        });
        outbox[0].send(line("line"));
        outbox[0].send(line("after"));
        outbox[0].close(Duration.ofSeconds(5));

        assertThat(ids(server)).containsExactly("line", "after", "answer");
    }

    @Test
    void aFailingSendLosesOnlyItselfAndNothingIsAskedToSendNothing() {
        List<Packet> server = new CopyOnWriteArrayList<>();
        Outbox outbox = new Outbox(packet -> {
            if (packet.getID().equals("refused")) {
                throw new IllegalStateException("the server refused it");
            }
            server.add(packet);
        });
        outbox.send(line("first"));
        outbox.send(null);
        outbox.send(line("refused"));
        outbox.send(line("last"));
        outbox.close(Duration.ofSeconds(5));

        assertThat(ids(server)).containsExactly("first", "last");
    }

    @Test
    void afterCloseASendStillReachesTheServer() {
        List<Packet> server = new CopyOnWriteArrayList<>();
        Outbox outbox = new Outbox(server::add);
        outbox.close(Duration.ofSeconds(5));
        outbox.send(line("late"));

        assertThat(ids(server)).containsExactly("late");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
