package org.chatconsult.openfire;

import java.io.File;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

import org.chatconsult.core.Settings;
import org.chatconsult.store.JdbcStore;
import org.chatconsult.xmpp.ConsultComponent;
import org.chatconsult.xmpp.ServiceConfig;
import org.jivesoftware.database.DbConnectionManager;
import org.jivesoftware.openfire.XMPPServer;
import org.jivesoftware.openfire.container.Plugin;
import org.jivesoftware.openfire.container.PluginManager;
import org.jivesoftware.openfire.group.GroupManager;
import org.jivesoftware.openfire.group.GroupNotFoundException;
import org.jivesoftware.openfire.user.UserManager;
import org.jivesoftware.openfire.user.UserNotFoundException;
import org.jivesoftware.util.JiveGlobals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmpp.component.ComponentException;
import org.xmpp.component.ComponentManager;
import org.xmpp.component.ComponentManagerFactory;
import org.xmpp.packet.JID;

/**
 * The Openfire plugin: registers the ChatConsult component inside Openfire. It uses only Openfire's long-stable
 * API (Plugin, XMPPServer, JiveGlobals, GroupManager, UserManager and Tinder's ComponentManager); everything
 * else is the same component that runs standalone.
 */
public final class ChatConsultPlugin implements Plugin {
    private static final Logger LOG = LoggerFactory.getLogger(ChatConsultPlugin.class);

    private ComponentManager componentManager;
    private String subdomain;

    @Override
    public void initializePlugin(PluginManager manager, File pluginDirectory) {
        String domain = XMPPServer.getInstance().getServerInfo().getXMPPDomain();
        subdomain = JiveGlobals.getProperty("chatconsult.subdomain", "consult");
        Settings defaults = Settings.DEFAULTS;
        Settings settings = new Settings(
                Duration.ofSeconds(JiveGlobals.getLongProperty("chatconsult.offer.timeout.seconds",
                        defaults.offerTimeout().toSeconds())),
                Duration.ofSeconds(JiveGlobals.getLongProperty("chatconsult.queue.maxwait.seconds",
                        defaults.maxQueueWait().toSeconds())),
                JiveGlobals.getIntProperty("chatconsult.agent.capacity", defaults.defaultCapacity()),
                JiveGlobals.getIntProperty("chatconsult.max.interactions", defaults.maxInteractions()));
        ServiceConfig config = new ServiceConfig(subdomain + "." + domain,
                JiveGlobals.getProperty("chatconsult.muc.service", "conference." + domain), settings,
                new OpenfireDirectory(JiveGlobals::getProperty, new OpenfireGroups()),
                Duration.ofSeconds(JiveGlobals.getLongProperty("chatconsult.contact.check.seconds", 30)),
                // Openfire's own database and pool; Openfire made the tables from the plugin's database/ scripts.
                new JdbcStore(DbConnectionManager::getConnection), retention());
        componentManager = ComponentManagerFactory.getComponentManager();
        try {
            componentManager.addComponent(subdomain, new ConsultComponent(config));
            LOG.info("ChatConsult serves {}.{}", subdomain, domain);
        } catch (ComponentException e) {
            LOG.error("ChatConsult could not register {}.{}", subdomain, domain, e);
        }
    }

    /** {@code chatconsult.retention.days}: how long ended interactions are kept; 0 or unset keeps them. */
    private static Duration retention() {
        int days = JiveGlobals.getIntProperty("chatconsult.retention.days", 0);
        return days > 0 ? Duration.ofDays(days) : null;
    }

    @Override
    public void destroyPlugin() {
        if (componentManager != null) {
            try {
                componentManager.removeComponent(subdomain);
            } catch (ComponentException e) {
                LOG.warn("ChatConsult could not unregister its component", e);
            }
        }
    }

    /** Openfire's groups and users behind the directory's seam. */
    private static final class OpenfireGroups implements GroupSource {
        @Override
        public Collection<String> members(String group) {
            try {
                return GroupManager.getInstance().getGroup(group).getAll().stream().map(JID::toBareJID).toList();
            } catch (GroupNotFoundException e) {
                return List.of();
            }
        }

        @Override
        public String displayName(String bareAddress) {
            try {
                return UserManager.getInstance().getUser(new JID(bareAddress).getNode()).getName();
            } catch (UserNotFoundException e) {
                return null;
            }
        }
    }
}
