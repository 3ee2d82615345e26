package org.chatconsult.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.hsqldb.server.Server;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The database goes away for 30 s under a running chat (the standalone service on a JDBC URL, a database server
 * the test stops and starts): the chat goes on both ways, requests are answered at once (a read of the store
 * with resource-constraint), the statistics say the store is out of reach and how much is held, and once the
 * database is back every line said meanwhile is in the record. Prosody only: inside Openfire the store is
 * Openfire's own database.
 */
@ExtendWith(TestServer.class)
class StoreOutageTest {
    private static final Duration LONG = Duration.ofMinutes(5);
    private static final String SALES = "sales@consult.localhost";

    private static Server database(Path dir, int port) {
        Server server = new Server();
        server.setAddress("127.0.0.1");
        server.setPort(port);
        server.setDatabaseName(0, "cc");
        server.setDatabasePath(0, "file:" + dir.resolve("cc"));
        server.setSilent(true);
        server.setLogWriter(null);
        server.setErrWriter(null);
        server.start();
        return server;
    }

    /** One field of the supervisors' statistics command (XEP-0050). */
    private static String statistic(Party supervisor, String field) throws Exception {
        var statistics = org.jivesoftware.smackx.commands.AdHocCommandManager
                .getAddHocCommandsManager(supervisor.connection())
                .getRemoteCommand(Party.jid(TestServer.SERVICE), "statistics");
        statistics.execute();
        return statistics.getForm().getField(field).getFirstValue();
    }

    @Test
    void aDatabaseGoneFor30SecondsStopsNothingAndLosesNothing(TestServer server) throws Exception {
        Path dir = Files.createTempDirectory("chatconsult-outage");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Server database = database(dir, port);
        String url = "jdbc:hsqldb:hsql://127.0.0.1:" + port + "/cc";
        try (Party agent = server.connect("agent1");
                Party supervisor = server.connect("agent3");
                Party contact = server.connectPlain("contact1");
                TestServer.Service service = server.service(TestServer.settings(LONG, LONG, 3), Duration.ofSeconds(30),
                        url)) {
            String interaction = ConsultationTest.activeChat(agent, contact, "before the outage");
            database.stop();
            long outage = System.nanoTime();
            int lines = 0;
            while (System.nanoTime() - outage < Duration.ofSeconds(30).toNanos()) {
                String line = "during the outage " + (++lines);
                contact.chat(SALES, line);
                agent.awaitMessage(m -> m.getType() == Message.Type.groupchat && line.equals(m.getBody()));
                if (lines % 5 == 0) {
                    long asked = System.nanoTime();
                    IQ export = supervisor.command("export", Map.of("interaction", interaction), IQ.Type.get);
                    assertThat(System.nanoTime() - asked).as("an answer while the database is away")
                            .isLessThan(Duration.ofSeconds(5).toNanos());
                    if (export.getType() == IQ.Type.error) {
                        assertThat(export.getError().getCondition()).isEqualTo(StanzaError.Condition.resource_constraint);
                    }
                }
                // Time is the subject: the database stays away 30 s while the chat goes on at a line a second.
                Await.pace(Duration.ofSeconds(1), "a line a second through the outage");
            }
            assertThat(statistic(supervisor, "store-reachable")).isEqualTo("0");
            assertThat(Integer.parseInt(statistic(supervisor, "store-held"))).isGreaterThanOrEqualTo(lines);
            database = database(dir, port);
            int said = lines;
            String[] exported = {""};
            // No verdict here: the checks below say which lines the record lacks.
            Await.within(Duration.ofSeconds(60), () -> {
                IQ export = supervisor.command("export", Map.of("interaction", interaction, "format", "text"),
                        IQ.Type.get);
                if (export.getType() != IQ.Type.result) {
                    return false;
                }
                exported[0] = Party.ext(export, "export").getText();
                return exported[0].contains("during the outage " + said + "\n")
                        || exported[0].endsWith("during the outage " + said);
            });
            String record = exported[0];
            for (int i = 1; i <= said; i++) {
                assertThat(record).as("line %d in the record", i).contains("during the outage " + i);
            }
            assertThat(statistic(supervisor, "store-reachable")).isEqualTo("1");
            assertThat(statistic(supervisor, "store-held")).isEqualTo("0");
            System.out.printf("store outage of 30 s: %d lines said during it, %d in the record after%n", said,
                    record.split("during the outage ", -1).length - 1);
        } finally {
            database.stop();
        }
    }
}
