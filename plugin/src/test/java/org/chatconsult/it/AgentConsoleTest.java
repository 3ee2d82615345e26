package org.chatconsult.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.chatconsult.sdk.example.AgentConsole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestTemplate;

/** The example agent console, typed at like a person would, against the real server. */
@OnBothServers
class AgentConsoleTest {
    private static final Duration LONG = Duration.ofMinutes(2);

    @TestTemplate
    void anAgentTypesTheirWayThroughAChatAndAConsultation(TestServer server) throws Exception {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        PipedWriter keyboard = new PipedWriter();
        BufferedReader input = new BufferedReader(new PipedReader(keyboard));
        ExecutorService terminal = Executors.newSingleThreadExecutor();
        try (Party alicePhone = server.connect("agent1");
                Party doraPhone = server.connect("agent4");
                Party carol = server.connectPlain("contact1");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3));
                PrintWriter typing = new PrintWriter(keyboard, true)) {
            AgentConsole console = new AgentConsole(alicePhone.connection(),
                    new PrintStream(screen, true, StandardCharsets.UTF_8));
            Future<?> running = terminal.submit(() -> {
                console.run(input);
                return null;
            });
            AgentDesk dora = new AgentDesk(doraPhone);
            dora.agents.setReady();

            typing.println("ready 2");
            await(screen, "state: ready, 0/2");
            carol.chat("sales@consult.localhost", "Where is my parcel?");
            await(screen, "offer 1: chat from contact1 via Sales: \"Where is my parcel?\"");
            typing.println("accept 1 Alice");
            carol.awaitBody(server.displayName("agent1") + " has joined the chat.");
            typing.println("say 1 Let me check that for you.");
            carol.awaitBody(server.displayName("agent1") + ": Let me check that for you.");
            typing.println("search " + server.displayName("agent4") + " ready");
            await(screen, server.displayName("agent4") + " <agent4@localhost> agent, ready, 0/3");
            typing.println("consult 1 agent4@localhost");
            await(screen, "consultation requested");
            dora.agents.accept(dora.next(dora.requests), "Agent 4");
            await(screen, "accepted by agent4@localhost");
            typing.println("csay 1 Is parcel 4711 lost?");
            doraPhone.awaitBody("Is parcel 4711 lost?");
            typing.println("cend 1");
            await(screen, "ended: ended-by-initiator");
            typing.println("done 1 resolved");
            carol.awaitElement("ended");
            typing.println("quit");
            running.get();
            assertThat(screen.toString(StandardCharsets.UTF_8)).doesNotContain("error:");
        } finally {
            terminal.shutdownNow();
        }
    }

    private static void await(ByteArrayOutputStream screen, String text) throws InterruptedException {
        boolean shown = Await.within(Duration.ofSeconds(10),
                () -> screen.toString(StandardCharsets.UTF_8).contains(text));
        assertThat(shown).as("screen shows \"" + text + "\"; it shows:\n" + screen).isTrue();
    }
}
