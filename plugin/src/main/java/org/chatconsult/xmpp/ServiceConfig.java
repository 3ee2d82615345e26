package org.chatconsult.xmpp;

import java.time.Duration;
import java.util.Objects;

import org.chatconsult.core.Directory;
import org.chatconsult.core.Settings;

/**
 * What the service needs to run, wherever it runs.
 *
 * @param serviceDomain  the component's address, e.g. {@code consult.example.com}
 * @param mucService     the server's multi-user-chat service, e.g. {@code conference.example.com}
 * @param settings       timeouts and limits of the contact centre
 * @param directory      agents and routing points
 * @param contactCheck   how often a bridged contact is pinged to notice it left
 */
public record ServiceConfig(String serviceDomain, String mucService, Settings settings, Directory directory,
        Duration contactCheck) {
    public ServiceConfig {
        Objects.requireNonNull(serviceDomain, "serviceDomain");
        Objects.requireNonNull(mucService, "mucService");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(directory, "directory");
        contactCheck = contactCheck == null ? Duration.ofSeconds(30) : contactCheck;
    }
}
