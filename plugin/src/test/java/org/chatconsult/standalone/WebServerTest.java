package org.chatconsult.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.chatconsult.web.WidgetPage;
import org.chatconsult.web.WorkspacePage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The standalone service's web server on a free loopback port: the widget's page and the agent workspace. */
class WebServerTest {
    private static final WorkspacePage.Settings WORKSPACE = new WorkspacePage.Settings(
            "ws://127.0.0.1:5280/xmpp-websocket", "http://127.0.0.1:5280/http-bind", "example.com",
            "consult.example.com");
    private final HttpClient client = HttpClient.newHttpClient();
    private WebServer web;

    @BeforeEach
    void start() throws Exception {
        web = WebServer.start("127.0.0.1", 0, new WidgetPage.Settings("ws://127.0.0.1:5280/xmpp-websocket",
                "http://127.0.0.1:5280/http-bind", "guest.example.com", "sales@consult.example.com"), WORKSPACE);
    }

    @AfterEach
    void stop() {
        web.close();
    }

    @Test
    void theWorkspacesPageIsServedWithItsSettingsAtItsUrl() throws Exception {
        assertThat(web.workspaceUrl()).matches("http://127\\.0\\.0\\.1:\\d+/chatconsult/workspace/");

        HttpResponse<String> page = get(web.workspaceUrl());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("X-Frame-Options")).as("no other site frames the login").hasValue("DENY");
        assertThat(page.body()).isEqualTo(WorkspacePage.page(WORKSPACE));
    }

    @Test
    void theWorkspacesScriptIsServedBesideItAndNothingElseThere() throws Exception {
        HttpResponse<String> script = get(web.workspaceUrl() + "workspace.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");

        assertThat(get(web.workspaceUrl() + "missing.js").statusCode()).isEqualTo(404);
        assertThat(get(web.workspaceUrl() + "index.html").statusCode()).isEqualTo(404);
    }

    @Test
    void theWidgetsPageIsStillAtTheRoot() throws Exception {
        HttpResponse<String> page = get(web.pageUrl());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>ChatConsult web chat</title>")
                .contains("data-routing-point=\"sales@consult.example.com\"");
    }

    private HttpResponse<String> get(String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
