package org.chatconsult.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.chatconsult.web.WorkspacePage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Careless settings end in one line naming the file, the key, the value and what is allowed, and exit code 2. */
class StandaloneConfigTest {
    @TempDir
    Path dir;

    private Path file(String... lines) throws Exception {
        Path file = dir.resolve("service.properties");
        Files.writeString(file, String.join("\n", lines) + "\nstore.dir=" + dir.resolve("data") + "\n",
                StandardCharsets.UTF_8);
        return file;
    }

    private static final List<String> GOOD = List.of("xmpp.domain=example.com", "component.secret=s3cret");

    @Test
    void eachBadSettingIsNamedWithItsValueAndWhatIsAllowed() throws Exception {
        Map<String, String> bad = Map.of(
                "offer.timeout=abc", "offer.timeout=abc is not allowed; use a positive duration",
                "queue.maxwait=-5m", "queue.maxwait=-5m is not allowed; use a positive duration",
                "agent.capacity=-1", "agent.capacity=-1 is not allowed; use a whole number from 1 to 100",
                "xmpp.component.port=70000", "xmpp.component.port=70000 is not allowed; use a whole number from 1",
                "muc.invites.members=perhaps", "muc.invites.members=perhaps is not allowed; use true or false",
                "retention=soon", "retention=soon is not allowed",
                "routingpoints=bridge", "routingpoints=bridge is not allowed; 'bridge' is reserved");
        for (Map.Entry<String, String> setting : bad.entrySet()) {
            Path file = file(GOOD.get(0), GOOD.get(1), setting.getKey());
            assertThatThrownBy(() -> StandaloneConfig.load(file)).as(setting.getKey())
                    .isInstanceOf(BadSetting.class)
                    .hasMessageStartingWith(file + ": ")
                    .hasMessageContaining(setting.getValue());
        }
        Path noDomain = file("component.secret=s3cret");
        assertThatThrownBy(() -> StandaloneConfig.load(noDomain)).isInstanceOf(BadSetting.class)
                .hasMessageContaining("xmpp.domain is missing");
        assertThat(StandaloneConfig.load(file(GOOD.get(0), GOOD.get(1), "offer.timeout=45s")).service().settings()
                .offerTimeout().toSeconds()).isEqualTo(45);
    }

    @Test
    void theWebChatIsServedOnlyWhenAPortIsGivenAndItsPageNamesTheServersEndpoints() throws Exception {
        assertThat(StandaloneConfig.load(file(GOOD.get(0), GOOD.get(1))).web()).isNull();
        StandaloneConfig.Web web = StandaloneConfig.load(file(GOOD.get(0), GOOD.get(1), "routingpoints=sales,support",
                "web.port=8080")).web();
        assertThat(web.port()).isEqualTo(8080);
        assertThat(web.host()).isEqualTo("127.0.0.1");
        assertThat(web.page().websocketUrl()).isEqualTo("wss://example.com/xmpp-websocket");
        assertThat(web.page().guestDomain()).isEqualTo("guest.example.com");
        assertThat(web.page().routingPoint()).isEqualTo("sales@consult.example.com");
        assertThat(web.workspace()).isEqualTo(new WorkspacePage.Settings("wss://example.com/xmpp-websocket",
                "https://example.com/http-bind", "example.com", "consult.example.com"));
        Path bad = file(GOOD.get(0), GOOD.get(1), "web.port=99999");
        assertThatThrownBy(() -> StandaloneConfig.load(bad)).isInstanceOf(BadSetting.class)
                .hasMessageContaining("web.port=99999 is not allowed");
    }

    @Test
    void theServiceSaysWhatIsWrongInOneLineAndExitsWithTwo() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (List<String> arguments : List.of(List.of(file(GOOD.get(0), GOOD.get(1), "offer.timeout=abc").toString()),
                List.of(dir.resolve("missing.properties").toString()))) {
            List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                    StandaloneService.class.getName()));
            command.addAll(arguments);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(output).isEqualTo(2);
            assertThat(output.lines().toList()).as(output).hasSize(1);
            assertThat(output).startsWith("ChatConsult: ").doesNotContain("Exception", "\tat ");
        }
    }
}
