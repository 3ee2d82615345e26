package org.chatconsult.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Creates or upgrades the store's tables outside Openfire the way Openfire does for plugins: the version is a
 * row of {@code ofVersion}, a new database runs {@code database/chatconsult_<type>.sql}, an older one each
 * {@code database/upgrade/<n>/chatconsult_<type>.sql} in turn. Inside Openfire, Openfire itself does this
 * from the same scripts (plugin.xml's databaseKey and databaseVersion).
 */
public final class SchemaInstaller {
    public static final String KEY = "chatconsult";
    public static final int VERSION = 1;

    private SchemaInstaller() {
    }

    /** Brings the database to {@link #VERSION}; returns the version it found (0 for none). */
    public static int install(Connection connection) throws SQLException {
        String type = databaseType(connection);
        if (!hasTable(connection, "ofVersion")) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE ofVersion (name VARCHAR(50) NOT NULL, version INTEGER NOT NULL, "
                        + "CONSTRAINT ofVersion_pk PRIMARY KEY (name))");
            }
        }
        int found = version(connection);
        if (found == 0) {
            run(connection, "database/" + KEY + "_" + type + ".sql");
        }
        for (int next = Math.max(found + 1, 2); found > 0 && next <= VERSION; next++) {
            run(connection, "database/upgrade/" + next + "/" + KEY + "_" + type + ".sql");
            try (PreparedStatement statement = connection.prepareStatement(
                    "UPDATE ofVersion SET version=? WHERE name=?")) {
                statement.setInt(1, next);
                statement.setString(2, KEY);
                statement.executeUpdate();
            }
        }
        return found;
    }

    /** Openfire's names for the databases it supports, from what the driver says it is. */
    public static String databaseType(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("hsql") || product.equals("h2")) {
            return "hsqldb";
        }
        for (String type : List.of("mysql", "mariadb", "postgresql", "oracle", "db2")) {
            if (product.contains(type)) {
                return type.equals("mariadb") ? "mysql" : type;
            }
        }
        if (product.contains("sql server")) {
            return "sqlserver";
        }
        throw new SQLException("no ChatConsult schema for " + product);
    }

    /** The statements of a script: separated by semicolons at line ends; lines starting with -- are comments. */
    public static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String statement = current.toString().trim();
                statements.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        return statements;
    }

    private static void run(Connection connection, String resource) throws SQLException {
        String script;
        try (InputStream in = SchemaInstaller.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new SQLException("missing schema script " + resource);
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SQLException("could not read " + resource, e);
        }
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements(script)) {
                statement.execute(sql);
            }
        }
    }

    private static int version(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT version FROM ofVersion WHERE name=?")) {
            statement.setString(1, KEY);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getInt(1) : 0;
            }
        }
    }

    private static boolean hasTable(Connection connection, String name) throws SQLException {
        for (String candidate : List.of(name, name.toUpperCase(Locale.ROOT), name.toLowerCase(Locale.ROOT))) {
            try (ResultSet tables = connection.getMetaData().getTables(null, null, candidate, null)) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
