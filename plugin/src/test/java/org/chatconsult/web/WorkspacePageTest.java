package org.chatconsult.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class WorkspacePageTest {
    private static final WorkspacePage.Settings SETTINGS = new WorkspacePage.Settings(
            "wss://example.com/ws/", "https://example.com/http-bind/", "example.com", "consult.example.com");

    @Test
    void thePageHoldsTheWorkspaceWithItsSettingsAndLoadsItsFilesByTheirPaths() {
        String page = WorkspacePage.page(SETTINGS);

        assertThat(page).startsWith("<!DOCTYPE html>\n<html lang=\"en\">")
                .contains("<meta charset=\"utf-8\">")
                .contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .contains("<title>ChatConsult agent workspace</title>")
                .contains("<link rel=\"stylesheet\" href=\"/chatconsult/workspace/workspace.css\">");
        String body = page.substring(page.indexOf("<body>\n") + "<body>\n".length(), page.indexOf("</body>"));
        assertThat(body).isEqualTo("<main id=\"chatconsult-workspace\" data-websocket=\"wss://example.com/ws/\""
                + " data-bosh=\"https://example.com/http-bind/\" data-domain=\"example.com\""
                + " data-service=\"consult.example.com\"></main>\n"
                + "<script src=\"/chatconsult/workspace/workspace.js\" defer></script>\n");
    }

    @Test
    void aSettingIsEscapedSoItCannotEndItsAttribute() {
        String page = WorkspacePage.page(new WorkspacePage.Settings("wss://x/?a=1&b=\"><script>", "https://x/",
                "example.com", "consult.example.com"));

        assertThat(page).contains("data-websocket=\"wss://x/?a=1&amp;b=&quot;&gt;&lt;script&gt;\"")
                .doesNotContain("\"><script>");
    }

    @Test
    void onlyTheWorkspacesOwnFilesAreServed() throws Exception {
        PackagedFiles.File script = WorkspacePage.file("/chatconsult/workspace/workspace.js");

        assertThat(script).as("workspace.js (is the workspace module built?)").isNotNull();
        assertThat(script.contentType()).isEqualTo("text/javascript; charset=utf-8");
        assertThat(new String(script.content(), StandardCharsets.UTF_8)).isNotBlank();
        for (String other : new String[] {"/chatconsult/workspace/", "/chatconsult/workspace/other.js",
                "/chatconsult/workspace/../widget/widget.js", "/chatconsult/widget/widget.js",
                "/chatconsult_i18n.properties", "/org/chatconsult/web/WorkspacePage.class"}) {
            assertThat(WorkspacePage.file(other)).as(other).isNull();
        }
    }
}
