package org.chatconsult.openfire;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jivesoftware.util.PropertyEventDispatcher;
import org.jivesoftware.util.PropertyEventListener;
import org.jivesoftware.util.TaskEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the plugin's settings however they change: the settings page, or Openfire's own System Properties page
 * (or anything else that sets a {@code chatconsult.*} property). A change is looked at a moment later, so that
 * several set together restart the service once, and only if the settings it runs with differ.
 */
final class SettingsWatcher implements PropertyEventListener {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsWatcher.class);
    private static final long SETTLE_MILLIS = 1_000;

    private final Runnable check;
    private final AtomicBoolean pending = new AtomicBoolean();

    /** {@code check} compares the settings with those the service runs with, and restarts it when they differ. */
    SettingsWatcher(Runnable check) {
        this.check = check;
    }

    void start() {
        PropertyEventDispatcher.addListener(this);
    }

    void stop() {
        PropertyEventDispatcher.removeListener(this);
    }

    private void changed(String property) {
        if (!property.startsWith("chatconsult.") || !pending.compareAndSet(false, true)) {
            return;
        }
        TaskEngine.getInstance().submit(() -> {
            try {
                Thread.sleep(SETTLE_MILLIS);
            } catch (InterruptedException e) {
                pending.set(false);
                Thread.currentThread().interrupt();
                return;
            }
            // Cleared before the settings are read: a change from now on is looked at again.
            pending.set(false);
            try {
                check.run();
            } catch (RuntimeException e) {
                LOG.warn("ChatConsult could not apply its changed settings: {}", e.getMessage());
            }
        });
    }

    @Override
    public void propertySet(String property, Map<String, Object> params) {
        changed(property);
    }

    @Override
    public void propertyDeleted(String property, Map<String, Object> params) {
        changed(property);
    }

    @Override
    public void xmlPropertySet(String property, Map<String, Object> params) {
        // the plugin's settings are database properties
    }

    @Override
    public void xmlPropertyDeleted(String property, Map<String, Object> params) {
        // the plugin's settings are database properties
    }
}
