package org.chatconsult.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens a store on a JDBC URL outside Openfire, creating or upgrading its tables first. */
public final class Databases {
    private static final Logger LOG = LoggerFactory.getLogger(Databases.class);

    /**
     * The default: an HSQLDB database in files under {@code directory} (the same engine as Openfire's embedded
     * database), every commit written through to disk.
     */
    public static String embeddedUrl(String directory) {
        return "jdbc:hsqldb:file:" + directory + "/chatconsult;hsqldb.write_delay=false;hsqldb.lock_file=false";
    }

    private Databases() {
    }

    /** A store on a small pool of connections to {@code url}, its tables made or upgraded first. */
    public static JdbcStore open(String url, String user, String password) throws StoreException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(2); // the journal's thread writes and reads; one spare
        config.setPoolName("chatconsult-store");
        // A database out of reach is told within 2 s (Hikari waits 30 s by default): the journal then retries
        // with its own backoff and keeps answering meanwhile.
        config.setConnectionTimeout(2_000);
        config.setValidationTimeout(1_000);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("could not open the store at " + url, e);
        }
        try (Connection connection = pool.getConnection()) {
            SchemaInstaller.install(connection);
        } catch (SQLException e) {
            pool.close();
            throw new StoreException("could not open the store at " + url, e);
        }
        boolean embedded = url.toLowerCase(Locale.ROOT).startsWith("jdbc:hsqldb:");
        return new JdbcStore(pool::getConnection, () -> {
            if (embedded) {
                shutdown(pool::getConnection);
            }
            pool.close();
        });
    }

    /** An embedded HSQLDB keeps running until told to stop: stop it, so its files are closed cleanly. */
    private static void shutdown(JdbcStore.Connections connections) {
        try (Connection connection = connections.open(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            LOG.warn("could not shut the embedded database down", e);
        }
    }
}
