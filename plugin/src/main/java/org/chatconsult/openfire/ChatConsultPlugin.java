package org.chatconsult.openfire;

import java.io.File;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

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
    /** The loaded plugin, for its admin pages (they are made by Openfire from web.xml, in the same class loader). */
    private static volatile ChatConsultPlugin running;

    private final OpenfireSettings settings = new OpenfireSettings(JiveGlobals::getProperty, (key, value) -> {
        if (value == null) {
            JiveGlobals.deleteProperty(key);
        } else {
            JiveGlobals.setProperty(key, value);
        }
    });
    private final SettingsWatcher watcher = new SettingsWatcher(this::applyChangedSettings);
    private ComponentManager componentManager;
    private String subdomain;
    private ConsultComponent component;
    private WebEndpoint web;
    /** The settings the running service was started with, to tell whether a property change changed them. */
    private Object applied;

    public static ChatConsultPlugin running() {
        return running;
    }

    @Override
    public void initializePlugin(PluginManager manager, File pluginDirectory) {
        componentManager = ComponentManagerFactory.getComponentManager();
        startService();
        running = this;
        watcher.start();
        try {
            web = WebEndpoint.start(XMPPServer.getInstance().getServerInfo().getXMPPDomain(),
                    this::routingPointAddresses, this::serviceAddress);
        } catch (RuntimeException | LinkageError unavailable) {
            // The chat service does not need it: only the widget's and the workspace's public pages are missing.
            LOG.warn("ChatConsult could not serve its web pages on the HTTP binding port", unavailable);
        }
    }

    /** The routing points' addresses, as a web page names them to the widget. */
    private java.util.List<String> routingPointAddresses() {
        String service = serviceAddress();
        return settings.routingPoints().stream().map(point -> point.name() + "@" + service).toList();
    }

    /** The component's address as the service runs now (a settings change may have moved it). */
    private String serviceAddress() {
        return subdomain + "." + XMPPServer.getInstance().getServerInfo().getXMPPDomain();
    }

    @Override
    public void destroyPlugin() {
        if (web != null) {
            web.stop();
        }
        watcher.stop();
        running = null;
        stopService();
    }

    /**
     * A {@code chatconsult.*} property changed (Openfire's System Properties page, say): the service restarts in
     * place with the new settings when they differ from those it runs with. A value that cannot be read is
     * logged with its property and the service keeps the settings it has.
     */
    private synchronized void applyChangedSettings() {
        if (running != this) {
            return; // unloaded meanwhile
        }
        Object now = settings.snapshot();
        if (!now.equals(applied)) {
            LOG.info("ChatConsult settings changed; restarting the service in place");
            restartService();
        }
    }

    public OpenfireSettings settings() {
        return settings;
    }

    /** The running service, or null while it is restarting. */
    public ConsultComponent service() {
        return component;
    }

    /**
     * Applies changed settings: the service stops (leaving its rooms, ending nothing) and starts again from
     * the store, as after a plugin reload, so live chats go on.
     */
    public synchronized void restartService() {
        stopService();
        startService();
    }

    private synchronized void startService() {
        applied = settings.snapshot();
        String domain = XMPPServer.getInstance().getServerInfo().getXMPPDomain();
        subdomain = settings.subdomain();
        ServiceConfig config = new ServiceConfig(subdomain + "." + domain, settings.mucService(),
                settings.settings(), new OpenfireDirectory(settings, new OpenfireGroups()),
                settings.contactCheck(),
                // Openfire's own database and pool; Openfire made the tables from the plugin's database/ scripts.
                new JdbcStore(DbConnectionManager::getConnection), settings.retention(),
                // Openfire's MUC invites whom an owner makes a member of a members-only room by itself.
                true,
                // Beside Openfire's own log, where its operator looks (its start script names its home).
                java.nio.file.Path.of(System.getProperty("openfireHome", "."), "logs", "chatconsult-set-aside.jsonl"));
        ConsultComponent service = new ConsultComponent(config, OpenfireRooms.find());
        try {
            componentManager.addComponent(subdomain, service);
            component = service;
            LOG.info("ChatConsult serves {}.{}", subdomain, domain);
        } catch (ComponentException e) {
            LOG.error("ChatConsult could not register {}.{}", subdomain, domain, e);
        }
    }

    private synchronized void stopService() {
        if (component == null) {
            return;
        }
        component = null;
        try {
            componentManager.removeComponent(subdomain);
        } catch (ComponentException e) {
            LOG.warn("ChatConsult could not unregister its component", e);
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
