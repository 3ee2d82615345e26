package org.chatconsult.standalone;

import java.nio.file.Path;
import java.time.Duration;

import org.chatconsult.xmpp.ConsultComponent;
import org.xmpp.component.ComponentException;

/**
 * The service as an external component of any XMPP server (Prosody, ejabberd, Openfire).
 * {@code java -cp … org.chatconsult.standalone.StandaloneService standalone.properties}
 */
public final class StandaloneService implements AutoCloseable {
    private final ConsultComponent component;
    private final ExternalComponentConnection connection;

    private StandaloneService(ConsultComponent component, ExternalComponentConnection connection) {
        this.component = component;
        this.connection = connection;
    }

    /** Starts the service and waits up to {@code timeout} for the server to accept it. */
    public static StandaloneService start(StandaloneConfig config, Duration timeout)
            throws ComponentException, InterruptedException {
        ConsultComponent component = new ConsultComponent(config.service());
        ExternalComponentConnection connection = new ExternalComponentConnection(config.host(), config.port(),
                config.xmppDomain(), config.secret());
        connection.addComponent(config.subdomain(), component);
        if (!connection.awaitConnected(timeout)) {
            connection.close();
            throw new ComponentException("the XMPP server at " + config.host() + ":" + config.port()
                    + " did not accept the component within " + timeout.toSeconds() + " s");
        }
        return new StandaloneService(component, connection);
    }

    public ConsultComponent component() {
        return component;
    }

    public boolean isConnected() {
        return connection.isConnected();
    }

    @Override
    public void close() {
        connection.close();
    }

    /** Exit code when a thread of the service died of something it cannot go on from, for a supervisor to restart it. */
    public static final int EXIT_THREAD_DIED = 70;

    public static void main(String[] args) throws Exception {
        // A thread that dies of an error nothing handles (out of memory, above all) leaves a process that may
        // serve nothing while it looks alive: exit instead, and let the supervisor (systemd, a container) restart.
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            System.err.println("ChatConsult: thread " + thread.getName() + " died of " + error + "; exiting");
            Runtime.getRuntime().halt(EXIT_THREAD_DIED);
        });
        if (args.length != 1) {
            System.err.println("usage: StandaloneService <config.properties>");
            System.exit(2);
        }
        StandaloneConfig config;
        try {
            config = StandaloneConfig.load(Path.of(args[0]));
        } catch (java.nio.file.NoSuchFileException e) {
            System.err.println("ChatConsult: no settings file " + args[0] + " (copy standalone.example.properties)");
            System.exit(2);
            return;
        } catch (BadSetting e) {
            System.err.println("ChatConsult: " + e.getMessage());
            System.exit(2);
            return;
        }
        StandaloneService service = start(config, Duration.ofMinutes(5));
        WebServer web = config.web() == null ? null
                : WebServer.start(config.web().host(), config.web().port(), config.web().page(),
                        config.web().workspace());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (web != null) {
                web.close();
            }
            service.close();
        }, "chatconsult-shutdown"));
        System.out.println("ChatConsult is running as " + service.component().addresses().service());
        if (web != null) {
            System.out.println("The web chat widget's page: " + web.pageUrl() + "  (the tag for your site: "
                    + web.embedSnippet() + ")");
            System.out.println("The agent workspace: " + web.workspaceUrl());
        }
        Thread.currentThread().join();
    }
}
