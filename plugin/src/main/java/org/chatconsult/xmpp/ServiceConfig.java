package org.chatconsult.xmpp;

import java.nio.file.Path;
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
 * @param mucInvitesMembers whether the MUC service invites a user it makes a member of a members-only room by
 *                       itself (Openfire does; Prosody does not): then the service sends no invitation of its own
 * @param setAside       the file where changes the store refuses for good are set aside for an operator
 */
public record ServiceConfig(String serviceDomain, String mucService, Settings settings, Directory directory,
        Duration contactCheck, Store store, Duration retention, boolean mucInvitesMembers, Path setAside) {

    /** The default place for changes the store refuses: beside the process, in its working directory. */
    public static final Path DEFAULT_SET_ASIDE = Path.of("chatconsult-set-aside.jsonl");

    public ServiceConfig(String serviceDomain, String mucService, Settings settings, Directory directory,
            Duration contactCheck, Store store, Duration retention, boolean mucInvitesMembers) {
        this(serviceDomain, mucService, settings, directory, contactCheck, store, retention, mucInvitesMembers,
                DEFAULT_SET_ASIDE);
    }

    /** For a MUC service that leaves invitations to the room's owner (Prosody, ejabberd). */
    public ServiceConfig(String serviceDomain, String mucService, Settings settings, Directory directory,
            Duration contactCheck, Store store, Duration retention) {
        this(serviceDomain, mucService, settings, directory, contactCheck, store, retention, false);
    }

    public ServiceConfig {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(serviceDomain, "serviceDomain");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(directory, "directory");
        contactCheck = contactCheck == null ? Duration.ofSeconds(30) : contactCheck;
        setAside = setAside == null ? DEFAULT_SET_ASIDE : setAside;
    }
}
