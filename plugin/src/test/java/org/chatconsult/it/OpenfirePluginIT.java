package org.chatconsult.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.jivesoftware.smack.ConnectionConfiguration;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/**
 * The built plugin jar inside a real Openfire 5.1 (the test fixture of ../shared/openfire, or the directory
 * that {@code chatconsult.openfire.dir} names): it loads, registers the service inside Openfire, and the service
 * answers there. Skipped, saying so, where no Openfire is at hand.
 */
class OpenfirePluginIT {
    private static Path script;

    @BeforeAll
    static void startOpenfire() throws Exception {
        Path dir = Path.of(System.getProperty("chatconsult.openfire.dir", "../../shared/openfire"));
        script = dir.resolve("openfire-test-server");
        assumeTrue(Files.isExecutable(script) || Files.exists(script),
                "no Openfire test server at " + dir.toAbsolutePath() + ": the Openfire suite is skipped");
        Path jar = Path.of(System.getProperty("chatconsult.plugin.jar"));
        assertThat(jar).exists();
        run("start", jar.toAbsolutePath().toString());
    }

    @AfterAll
    static void stopOpenfire() throws Exception {
        if (script != null && Files.exists(script)) {
            run("stop");
        }
    }

    private static String run(String... arguments) throws IOException, InterruptedException {
        String[] command = new String[arguments.length + 2];
        command[0] = "bash";
        command[1] = script.toString();
        System.arraycopy(arguments, 0, command, 2, arguments.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    @Test
    void pluginLoadsRegistersTheServiceAndItAnswers() throws Exception {
        XMPPTCPConnection alice = new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain("localhost").setHost("127.0.0.1").setPort(5222)
                .setSecurityMode(ConnectionConfiguration.SecurityMode.disabled)
                .setUsernameAndPassword("alice", "alice").setResource("it").build());
        alice.connect().login();
        try {
            ServiceDiscoveryManager disco = ServiceDiscoveryManager.getInstanceFor(alice);
            assertThat(disco.discoverItems(JidCreate.from("localhost")).getItems())
                    .extracting(item -> item.getEntityID().toString()).contains("consult.localhost");
            assertThat(disco.discoverInfo(JidCreate.from("consult.localhost")).containsFeature("urn:chatconsult:0"))
                    .isTrue();

            // No routing points are configured yet: the service itself says so, from inside Openfire.
            var collector = alice.createStanzaCollector(stanza -> stanza instanceof Message
                    && ((Message) stanza).getType() == Message.Type.error);
            alice.sendStanza(StanzaBuilder.buildMessage().to(JidCreate.from("sales@consult.localhost"))
                    .ofType(Message.Type.chat).setBody("hello").build());
            Message error = collector.nextResult(10_000);
            collector.cancel();
            assertThat(error).isNotNull();
            assertThat(error.getError().getCondition()).isEqualTo(StanzaError.Condition.item_not_found);
            assertThat(error.getError().getDescriptiveText()).contains("no routing point named sales");
        } finally {
            alice.disconnect();
        }
    }
}
