package org.chatconsult.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import org.chatconsult.store.Databases;
import org.chatconsult.standalone.ExternalComponentConnection;
import org.chatconsult.standalone.LocalProsody;
import org.chatconsult.xmpp.ConsultComponent;
import org.chatconsult.xmpp.ServiceConfig;
import org.junit.jupiter.api.Test;

/** The external component reconnects by itself when the XMPP server restarts, and serves chats again. */
class ReconnectTest {
    @Test
    void serviceReconnectsAfterTheServerRestarts() throws Exception {
        Duration longWait = Duration.ofMinutes(2);
        try (LocalProsody prosody = LocalProsody.start(Files.createTempDirectory("chatconsult-restart"),
                TestServer.DOMAIN, 0, 0, TestServer.SUBDOMAIN, "secret", Map.of("agent1", "agent1", "contact1", "contact1"));
                ExternalComponentConnection connection = new ExternalComponentConnection("127.0.0.1",
                        prosody.componentPort(), TestServer.DOMAIN, "secret")) {
            connection.addComponent(TestServer.SUBDOMAIN, new ConsultComponent(new ServiceConfig(TestServer.SERVICE,
                    prosody.mucService(), TestServer.settings(longWait, longWait, 3), TestServer.directory(), null,
                    Databases.open(TestServer.freshStoreUrl(), "SA", ""), null)));
            assertThat(connection.awaitConnected(Duration.ofSeconds(10))).isTrue();

            prosody.stop();
            waitUntil(() -> !connection.isConnected());
            prosody.start();
            waitUntil(connection::isConnected);

            try (Party agent = Party.connect(prosody, "agent1", true);
                    Party contact = Party.connect(prosody, "contact1", false)) {
                agent.ready();
                contact.chat("sales@consult.localhost", "are you back?");
                agent.awaitElement("offer");
            }
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        Await.until(Duration.ofSeconds(20), "condition met", condition::getAsBoolean);
    }
}
