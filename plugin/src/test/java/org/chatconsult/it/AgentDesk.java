package org.chatconsult.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.chatconsult.sdk.AgentManager;
import org.chatconsult.sdk.OfferListener;
import org.chatconsult.sdk.packet.ConsultationOfferExtension;
import org.chatconsult.sdk.packet.OfferExtension;

/** An agent's desk on the SDK, as an agent application holds it: the offers of chats and consultations, queued. */
final class AgentDesk {
    final AgentManager agents;
    final BlockingQueue<OfferExtension> chats = new LinkedBlockingQueue<>();
    final BlockingQueue<ConsultationOfferExtension> requests = new LinkedBlockingQueue<>();

    AgentDesk(Party party) {
        this(party.connection());
    }

    AgentDesk(org.jivesoftware.smack.XMPPConnection connection) {
        agents = AgentManager.getInstanceFor(connection);
        agents.addOfferListener(new OfferListener() {
            @Override
            public void offerReceived(OfferExtension offer) {
                chats.add(offer);
            }

            @Override
            public void consultationOfferReceived(ConsultationOfferExtension offer) {
                requests.add(offer);
            }
        });
    }

    <T> T next(BlockingQueue<T> queue) throws InterruptedException {
        T item = queue.poll(10, TimeUnit.SECONDS);
        assertThat(item).as("expected within 10 s").isNotNull();
        return item;
    }

    static void waitFor(BooleanSupplier condition) throws InterruptedException {
        Await.until(Duration.ofSeconds(10), "condition met", condition::getAsBoolean);
    }
}
