package org.chatconsult.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.chatconsult.core.Settings;

/**
 * Openfire's admin console as a program uses it: logged in as admin, sending the plugin's forms with the CSRF
 * token each page carries, as the browser does.
 */
final class AdminConsoleClient {
    private static final String CONSOLE = "http://localhost:9090/";
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    static AdminConsoleClient login() throws Exception {
        AdminConsoleClient client = new AdminConsoleClient();
        client.submit("login.jsp", Map.of("url", "", "login", "true", "username", "admin", "password", "admin"));
        return client;
    }

    /** Saves the scenario's settings on the plugin's page; the service restarts with them before this returns. */
    void saveSettings(Settings settings, java.time.Duration contactCheck) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        StringBuilder points = new StringBuilder("sales | Sales | sales\nsupport | Support | support\n"
                + "night | Night shift | night\n");
        for (int lane = 1; lane <= TestServer.LANES; lane++) {
            points.append("lane").append(lane).append(" | Lane ").append(lane).append(" | lane").append(lane)
                    .append("\nteam").append(lane).append(" | Team ").append(lane).append(" | team").append(lane)
                    .append('\n');
        }
        form.put("routingPoints", points.toString());
        form.put("agentGroups", "supervisors");
        form.put("offerTimeout", String.valueOf(seconds(settings.offerTimeout().toMillis())));
        form.put("queueMaxWait", String.valueOf(seconds(settings.maxQueueWait().toMillis())));
        form.put("capacity", String.valueOf(settings.defaultCapacity()));
        form.put("dispositions", String.join(",", settings.dispositions()));
        if (settings.tellAgentWhenMonitored()) {
            form.put("tellAgentWhenMonitored", "on");
        }
        form.put("retentionDays", "0");
        form.put("contactCheck", String.valueOf(seconds(contactCheck.toMillis())));
        String page = submit("plugins/chatconsult/chatconsult-settings", form);
        assertThat(page).as("the settings page took the scenario's settings").contains("id=\"saved\"");
    }

    /**
     * Sets Openfire's offline message strategy to drop (its own Offline Messages page), so what one scenario's
     * service told a contact after the contact left never reaches the next scenario's session of that contact.
     */
    void dropOfflineMessages() throws Exception {
        submit("offline-messages.jsp", Map.of("strategy", "2", "update", "Save Settings"));
    }

    /** Sets a property on Openfire's own System Properties page, as an operator would. */
    void setSystemProperty(String key, String value) throws Exception {
        submit("server-properties.jsp", Map.of("action", "save", "key", key, "value", value, "encrypt", "false"));
    }

    void deleteSystemProperty(String key) throws Exception {
        submit("server-properties.jsp", Map.of("action", "delete", "key", key));
    }

    /** Ends every live chat from the live page (whose forms, and token, are there only when chats are). */
    void endAllChats() throws Exception {
        if (CSRF.matcher(get("plugins/chatconsult/chatconsult-live")).find()) {
            submit("plugins/chatconsult/chatconsult-live", Map.of("all", "true"));
        }
    }

    /** Opens the page for its CSRF token, then sends the form to it; returns the page shown after. */
    private String submit(String page, Map<String, String> fields) throws Exception {
        String form = get(page);
        Matcher token = CSRF.matcher(form);
        assertThat(token.find()).as("a CSRF token on " + page).isTrue();
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("csrf", token.group(1));
        String body = all.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(CONSOLE + page))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("POST " + page).isEqualTo(200);
        return response.body();
    }

    private String get(String page) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(CONSOLE + page)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET " + page).isEqualTo(200);
        return response.body();
    }

    private static long seconds(long millis) {
        return Math.max(1, (millis + 999) / 1000);
    }
}
