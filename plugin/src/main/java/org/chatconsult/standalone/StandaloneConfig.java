package org.chatconsult.standalone;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

import org.chatconsult.core.AgentGroup;
import org.chatconsult.core.AgentProfile;
import org.chatconsult.core.RoutingPoint;
import org.chatconsult.core.Settings;
import org.chatconsult.store.Databases;
import org.chatconsult.store.Store;
import org.chatconsult.store.StoreException;
import org.chatconsult.xmpp.Addresses;
import org.chatconsult.xmpp.ServiceConfig;

/**
 * The standalone service's configuration, a properties file (see {@code standalone.example.properties}):
 * where the server is, the component's name and secret, agents, routing points and timeouts.
 */
public record StandaloneConfig(String host, int port, String xmppDomain, String subdomain, String secret,
        ServiceConfig service) {

    public static StandaloneConfig load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return from(properties);
    }

    public static StandaloneConfig from(Properties p) {
        String domain = required(p, "xmpp.domain");
        String subdomain = p.getProperty("component.subdomain", "consult").trim();
        List<AgentProfile> agents = new ArrayList<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("agent.") && key.contains("@")) {
                agents.add(new AgentProfile(key.substring("agent.".length()).trim(), p.getProperty(key).trim()));
            }
        }
        List<RoutingPoint> points = new ArrayList<>();
        for (String name : list(p.getProperty("routingpoints", ""))) {
            if (Addresses.BRIDGE_NODE.equals(name)) {
                throw new IllegalArgumentException("'" + name + "' is reserved and cannot name a routing point");
            }
            String served = p.getProperty("routingpoint." + name + ".agents", "*").trim();
            Set<String> members = new LinkedHashSet<>();
            if (served.equals("*")) {
                agents.forEach(a -> members.add(a.address()));
            } else {
                members.addAll(list(served));
            }
            points.add(new RoutingPoint(name, p.getProperty("routingpoint." + name + ".name", name).trim(), members));
        }
        List<AgentGroup> groups = new ArrayList<>();
        for (String name : list(p.getProperty("groups", ""))) {
            groups.add(new AgentGroup(name, p.getProperty("group." + name + ".name", name).trim(),
                    new LinkedHashSet<>(list(p.getProperty("group." + name + ".agents", "")))));
        }
        Settings defaults = Settings.DEFAULTS;
        Settings settings = new Settings(
                duration(p, "offer.timeout", defaults.offerTimeout()),
                duration(p, "queue.maxwait", defaults.maxQueueWait()),
                Integer.parseInt(p.getProperty("agent.capacity", String.valueOf(defaults.defaultCapacity())).trim()),
                Integer.parseInt(p.getProperty("max.interactions", String.valueOf(defaults.maxInteractions())).trim()),
                new LinkedHashSet<>(list(p.getProperty("dispositions", ""))));
        String retention = p.getProperty("retention", "").trim();
        ServiceConfig service = new ServiceConfig(subdomain + "." + domain,
                blankToNull(p.getProperty("muc.service")), settings,
                new ConfiguredDirectory(agents, points, groups), duration(p, "contact.check", Duration.ofSeconds(30)),
                store(p), retention.isEmpty() || retention.equals("forever") ? null : duration(p, "retention", null),
                Boolean.parseBoolean(p.getProperty("muc.invites.members", "false").trim()),
                // In the store's folder (store.dir), also when the store is a database server (store.url).
                Path.of(p.getProperty("store.dir", "chatconsult-data").trim(), "set-aside.jsonl"));
        return new StandaloneConfig(p.getProperty("xmpp.host", "127.0.0.1").trim(),
                Integer.parseInt(p.getProperty("xmpp.component.port", "5347").trim()), domain, subdomain,
                required(p, "component.secret"), service);
    }

    /** The store: {@code store.url} (any JDBC URL whose driver is on the class path), or files in {@code store.dir}. */
    private static Store store(Properties p) {
        String url = p.getProperty("store.url", "").trim();
        if (url.isEmpty()) {
            url = Databases.embeddedUrl(p.getProperty("store.dir", "chatconsult-data").trim());
        }
        try {
            return Databases.open(url, p.getProperty("store.user", "SA").trim(),
                    p.getProperty("store.password", ""));
        } catch (StoreException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String required(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing setting " + key);
        }
        return value.trim();
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** Durations as {@code 30s}, {@code 5m}, {@code 500ms}, or ISO-8601 ({@code PT30S}). */
    static Duration duration(Properties p, String key, Duration fallback) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.startsWith("pt")) {
            return Duration.parse(v.toUpperCase(Locale.ROOT));
        }
        if (v.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        }
        long amount = Long.parseLong(v.substring(0, v.length() - 1));
        switch (v.charAt(v.length() - 1)) {
            case 's': return Duration.ofSeconds(amount);
            case 'm': return Duration.ofMinutes(amount);
            case 'h': return Duration.ofHours(amount);
            case 'd': return Duration.ofDays(amount);
            default: throw new IllegalArgumentException(key + ": use 30s, 5m, 1h, 7d, 500ms or PT30S");
        }
    }
}
