package org.chatconsult.standalone;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import org.chatconsult.core.AgentGroup;
import org.chatconsult.core.AgentProfile;
import org.chatconsult.core.ContactCentre;
import org.chatconsult.core.RoutingPoint;
import org.chatconsult.core.Settings;
import org.chatconsult.store.Databases;
import org.chatconsult.store.Store;
import org.chatconsult.store.StoreException;
import org.chatconsult.web.WidgetPage;
import org.chatconsult.web.WorkspacePage;
import org.chatconsult.xmpp.Addresses;
import org.chatconsult.xmpp.ServiceConfig;

/**
 * The standalone service's configuration, a properties file (see {@code standalone.example.properties}):
 * where the server is, the component's name and secret, agents, routing points and timeouts.
 */
public record StandaloneConfig(String host, int port, String xmppDomain, String subdomain, String secret,
        ServiceConfig service, Web web) {

    /**
     * Where the service serves the web chat widget and the agent workspace ({@code web.port}; none by default) and
     * what their pages tell them: the server's WebSocket and BOSH endpoints; for the widget's sample page the
     * anonymous domain and the routing point, for the workspace the agents' domain and the service's address.
     */
    public record Web(String host, int port, WidgetPage.Settings page, WorkspacePage.Settings workspace) {
    }

    /** Reads the file; a setting it cannot use is a {@link BadSetting} naming the file, the key and the value. */
    public static StandaloneConfig load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return from(properties, file.toString());
    }

    public static StandaloneConfig from(Properties p) {
        return from(p, "the settings");
    }

    private static StandaloneConfig from(Properties p, String source) {
        SettingsFile f = new SettingsFile(p, source);
        String domain = f.required("xmpp.domain", "name the XMPP server's domain, e.g. xmpp.domain=example.com");
        String subdomain = f.text("component.subdomain", "consult");
        List<AgentProfile> agents = new ArrayList<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("agent.") && key.contains("@")) {
                agents.add(new AgentProfile(key.substring("agent.".length()).trim(), p.getProperty(key).trim()));
            }
        }
        List<RoutingPoint> points = new ArrayList<>();
        for (String name : f.list("routingpoints")) {
            if (Addresses.BRIDGE_NODE.equals(name)) {
                throw new BadSetting(source, "routingpoints", name, "'" + name + "' is reserved: choose another name");
            }
            String served = f.text("routingpoint." + name + ".agents", "*");
            Set<String> members = new LinkedHashSet<>();
            if (served.equals("*")) {
                agents.forEach(a -> members.add(a.address()));
            } else {
                members.addAll(f.list("routingpoint." + name + ".agents"));
            }
            points.add(new RoutingPoint(name, f.text("routingpoint." + name + ".name", name), members));
        }
        List<AgentGroup> groups = new ArrayList<>();
        for (String name : f.list("groups")) {
            groups.add(new AgentGroup(name, f.text("group." + name + ".name", name),
                    new LinkedHashSet<>(f.list("group." + name + ".agents"))));
        }
        Settings defaults = Settings.DEFAULTS;
        Settings settings = new Settings(
                f.duration("offer.timeout", defaults.offerTimeout()),
                f.duration("queue.maxwait", defaults.maxQueueWait()),
                f.integer("agent.capacity", defaults.defaultCapacity(), 1, ContactCentre.MAX_CAPACITY),
                f.integer("max.interactions", defaults.maxInteractions(), 1, 1_000_000),
                new LinkedHashSet<>(f.list("dispositions")), f.bool("supervision.tell.agent", false));
        String retention = f.text("retention", "");
        ServiceConfig service = new ServiceConfig(subdomain + "." + domain, f.text("muc.service", null), settings,
                new ConfiguredDirectory(agents, points, groups), f.duration("contact.check", Duration.ofSeconds(30)),
                store(f, source), retention.isEmpty() || retention.equals("forever") ? null
                        : f.duration("retention", null),
                f.bool("muc.invites.members", false),
                // In the store's folder (store.dir), also when the store is a database server (store.url).
                Path.of(f.text("store.dir", "chatconsult-data"), "set-aside.jsonl"));
        return new StandaloneConfig(f.text("xmpp.host", "127.0.0.1"),
                f.integer("xmpp.component.port", 5347, 1, 65_535), domain, subdomain,
                f.required("component.secret", "give the secret the XMPP server holds for the component"), service,
                web(f, domain, subdomain, points));
    }

    private static Web web(SettingsFile f, String domain, String subdomain, List<RoutingPoint> points) {
        int port = f.integer("web.port", 0, 0, 65_535);
        if (port == 0) {
            return null;
        }
        String routingPoint = f.text("web.routingpoint", points.isEmpty() ? "support" : points.get(0).name());
        String websocket = f.text("web.websocket", "wss://" + domain + "/xmpp-websocket");
        String bosh = f.text("web.bosh", "https://" + domain + "/http-bind");
        String service = subdomain + "." + domain;
        return new Web(f.text("web.interface", "127.0.0.1"), port,
                new WidgetPage.Settings(websocket, bosh, f.text("web.guest.domain", "guest." + domain),
                        routingPoint + "@" + service),
                new WorkspacePage.Settings(websocket, bosh, domain, service));
    }

    /** The store: {@code store.url} (any JDBC URL whose driver is on the class path), or files in {@code store.dir}. */
    private static Store store(SettingsFile f, String source) {
        String url = f.text("store.url", null);
        String key = url == null ? "store.dir" : "store.url";
        if (url == null) {
            url = Databases.embeddedUrl(f.text("store.dir", "chatconsult-data"));
        }
        try {
            return Databases.open(url, f.text("store.user", "SA"), f.properties().getProperty("store.password", ""));
        } catch (StoreException | RuntimeException e) {
            throw new BadSetting(source, key, f.text(key, "chatconsult-data"), "the store could not be opened ("
                    + e.getMessage() + ")");
        }
    }
}
