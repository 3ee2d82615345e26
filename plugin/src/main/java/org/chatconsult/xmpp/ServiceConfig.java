package org.chatconsult.xmpp;

import java.time.Duration;
import java.util.Objects;

import org.chatconsult.core.Directory;
import org.chatconsult.core.Settings;
import org.chatconsult.store.Store;

/**
 * What the service needs to run, wherever it runs.
 *
 * @param serviceDomain  the component's address, e.g. {@code consult.example.com}
 * @param mucService     the server's multi-user-chat service, e.g. {@code conference.example.com}
 * @param settings       timeouts and limits of the contact centre
 * @param directory      agents and routing points
 * @param contactCheck   how often a bridged contact is pinged to notice it left
 * @param store          where transcripts and lifecycle records are kept
 * @param retention      how long ended interactions are kept; null keeps them for ever
 */
public record ServiceConfig(String serviceDomain, String mucService, Settings settings, Directory directory,
        Duration contactCheck, Store store, Duration retention) {
    public ServiceConfig {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(serviceDomain, "serviceDomain");
        Objects.requireNonNull(mucService, "mucService");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(directory, "directory");
        contactCheck = contactCheck == null ? Duration.ofSeconds(30) : contactCheck;
    }
}
