package org.chatconsult.openfire;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

import org.chatconsult.core.Settings;

/**
 * The plugin's settings as Openfire system properties ({@code chatconsult.*}), with their defaults: what the
 * service reads when it starts and what the settings page writes. Routing points and agent groups are read by
 * {@link OpenfireDirectory} on every question; the rest applies when the service (re)starts.
 */
public final class OpenfireSettings {
    public static final String SUBDOMAIN = "chatconsult.subdomain";
    public static final String MUC_SERVICE = "chatconsult.muc.service";
    public static final String OFFER_TIMEOUT = "chatconsult.offer.timeout.seconds";
    public static final String QUEUE_MAX_WAIT = "chatconsult.queue.maxwait.seconds";
    public static final String CAPACITY = "chatconsult.agent.capacity";
    public static final String MAX_INTERACTIONS = "chatconsult.max.interactions";
    public static final String DISPOSITIONS = "chatconsult.dispositions";
    public static final String TELL_AGENT_WHEN_MONITORED = "chatconsult.supervision.tellagent";
    public static final String RETENTION_DAYS = "chatconsult.retention.days";
    public static final String CONTACT_CHECK = "chatconsult.contact.check.seconds";
    public static final String AGENT_GROUPS = "chatconsult.agentgroups";
    /** The group of all agents; it also serves routing points that name no group of their own. */
    public static final String AGENTS_GROUP = "chatconsult.agents.group";
    public static final String ROUTING_POINTS = "chatconsult.routingpoints";
    /** Out of the box: one routing point, served by the agent group. */
    public static final String DEFAULT_ROUTING_POINTS = "support";

    /** One routing point as the settings page shows it: its address name, display name and serving group. */
    public record RoutingPointSetting(String name, String displayName, String group) {
    }

    private final UnaryOperator<String> read;
    private final BiConsumer<String, String> write;

    /** {@code write} with a null value deletes the property. */
    public OpenfireSettings(UnaryOperator<String> read, BiConsumer<String, String> write) {
        this.read = read;
        this.write = write;
    }

    /** Every setting as read now, comparable with an earlier reading. */
    public Object snapshot() {
        return java.util.Arrays.asList(settings(), subdomain(), mucService(), contactCheck(), retention(),
                agentsGroup(), agentGroups(), routingPoints());
    }

    public Settings settings() {
        Settings defaults = Settings.DEFAULTS;
        return new Settings(Duration.ofSeconds(number(OFFER_TIMEOUT, defaults.offerTimeout().toSeconds())),
                Duration.ofSeconds(number(QUEUE_MAX_WAIT, defaults.maxQueueWait().toSeconds())),
                (int) number(CAPACITY, defaults.defaultCapacity()),
                (int) number(MAX_INTERACTIONS, defaults.maxInteractions()),
                new LinkedHashSet<>(list(DISPOSITIONS)), "true".equals(read.apply(TELL_AGENT_WHEN_MONITORED)));
    }

    public String subdomain() {
        return text(SUBDOMAIN, "consult");
    }

    /** The MUC service if set; null lets the service find it by disco. */
    public String mucService() {
        String value = read.apply(MUC_SERVICE);
        return value == null || value.isBlank() ? null : value.trim();
    }

    public Duration contactCheck() {
        return Duration.ofSeconds(number(CONTACT_CHECK, 30));
    }

    /** How long ended interactions are kept; null (unset or 0) keeps them for ever. */
    public Duration retention() {
        long days = number(RETENTION_DAYS, 0);
        return days > 0 ? Duration.ofDays(days) : null;
    }

    public String agentsGroup() {
        return text(AGENTS_GROUP, "agents");
    }

    public List<String> agentGroups() {
        return list(AGENT_GROUPS);
    }

    public List<String> dispositions() {
        return list(DISPOSITIONS);
    }

    public List<RoutingPointSetting> routingPoints() {
        String agents = agentsGroup();
        List<String> names = Arrays.stream(text(ROUTING_POINTS, DEFAULT_ROUTING_POINTS).split(","))
                .map(String::trim).filter(n -> !n.isEmpty()).toList();
        return names.stream().map(name -> new RoutingPointSetting(name,
                text("chatconsult.routingpoint." + name + ".name", name),
                text("chatconsult.routingpoint." + name + ".group", agents))).toList();
    }

    /** Validates and writes every setting of the page; throws {@link IllegalArgumentException} on bad input. */
    public void save(long offerTimeoutSeconds, long queueMaxWaitSeconds, int capacity, List<String> dispositionCodes,
            List<String> agentGroupNames, List<RoutingPointSetting> points, long retentionDays,
            long contactCheckSeconds, boolean tellAgentWhenMonitored) {
        // The same rules the service applies: a bad value is refused here rather than at the next start.
        new Settings(Duration.ofSeconds(offerTimeoutSeconds), Duration.ofSeconds(queueMaxWaitSeconds), capacity,
                (int) number(MAX_INTERACTIONS, Settings.DEFAULTS.maxInteractions()));
        if (retentionDays < 0) {
            throw new IllegalArgumentException("retention cannot be negative");
        }
        if (contactCheckSeconds < 1) {
            throw new IllegalArgumentException("the contact check needs at least one second");
        }
        for (RoutingPointSetting point : points) {
            if (!point.name().matches("[a-z0-9][a-z0-9._-]*") || point.name().equals("bridge")) {
                throw new IllegalArgumentException("'" + point.name() + "' cannot name a routing point: use lower-case"
                        + " letters, digits, dots, dashes and underscores");
            }
        }
        for (RoutingPointSetting old : routingPoints()) {
            write.accept("chatconsult.routingpoint." + old.name() + ".name", null);
            write.accept("chatconsult.routingpoint." + old.name() + ".group", null);
        }
        write.accept(OFFER_TIMEOUT, String.valueOf(offerTimeoutSeconds));
        write.accept(QUEUE_MAX_WAIT, String.valueOf(queueMaxWaitSeconds));
        write.accept(CAPACITY, String.valueOf(capacity));
        write.accept(DISPOSITIONS, String.join(",", dispositionCodes));
        write.accept(TELL_AGENT_WHEN_MONITORED, String.valueOf(tellAgentWhenMonitored));
        write.accept(AGENT_GROUPS, String.join(",", agentGroupNames));
        write.accept(RETENTION_DAYS, String.valueOf(retentionDays));
        write.accept(CONTACT_CHECK, String.valueOf(contactCheckSeconds));
        write.accept(ROUTING_POINTS,
                String.join(",", points.stream().map(RoutingPointSetting::name).toList()));
        for (RoutingPointSetting point : points) {
            write.accept("chatconsult.routingpoint." + point.name() + ".name", point.displayName());
            write.accept("chatconsult.routingpoint." + point.name() + ".group", point.group());
        }
    }

    private long number(String key, long fallback) {
        String value = read.apply(key);
        try {
            return value == null || value.isBlank() ? fallback : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private String text(String key, String fallback) {
        String value = read.apply(key);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private List<String> list(String key) {
        return Arrays.stream(text(key, "").split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
