package org.chatconsult.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import org.chatconsult.core.InteractionState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every database script Openfire may run, run here: the HSQLDB one on HSQLDB (Openfire's embedded database),
 * the others on H2 in that database's compatibility mode (no MySQL, PostgreSQL, Oracle, SQL Server or DB2
 * server runs here, so this checks their syntax as far as H2 imitates it). Then the store works on the tables.
 */
class SchemaScriptsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "hsqldb, jdbc:hsqldb:mem:schema-hsqldb",
            "mysql, jdbc:h2:mem:schema-mysql;MODE=MySQL;DB_CLOSE_DELAY=-1",
            "postgresql, jdbc:h2:mem:schema-postgresql;MODE=PostgreSQL;DB_CLOSE_DELAY=-1",
            "oracle, jdbc:h2:mem:schema-oracle;MODE=Oracle;DB_CLOSE_DELAY=-1",
            "sqlserver, jdbc:h2:mem:schema-sqlserver;MODE=MSSQLServer;DB_CLOSE_DELAY=-1",
            "db2, jdbc:h2:mem:schema-db2;MODE=DB2;DB_CLOSE_DELAY=-1"})
    void theScriptCreatesTablesTheStoreWorksOn(String type, String url) throws Exception {
        String script;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("database/chatconsult_" + type + ".sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection connection = DriverManager.getConnection(url, "SA", "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE ofVersion (name VARCHAR(50) NOT NULL, version INTEGER NOT NULL)");
            for (String sql : SchemaInstaller.statements(script)) {
                statement.execute(sql);
            }
            try (var rows = statement.executeQuery("SELECT version FROM ofVersion WHERE name='chatconsult'")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(SchemaInstaller.VERSION);
            }
        }
        JdbcStore store = new JdbcStore(() -> DriverManager.getConnection(url, "SA", ""));
        store.write(new Batch().add(JdbcStoreTest.chat("c1", InteractionState.ACTIVE, null))
                .add(JdbcStoreTest.consultation("k1", "c1", null))
                .add(new Store.Message("c1", "c1", 1, JdbcStoreTest.T0, "Carol", "contact", "hello", "m1"))
                .add(new Store.Event("c1", 1, JdbcStoreTest.T0, "created", null, "sales")));
        assertThat(store.live().interactions()).containsExactly(JdbcStoreTest.chat("c1", InteractionState.ACTIVE, null));
        assertThat(store.live().consultations()).containsExactly(JdbcStoreTest.consultation("k1", "c1", null));
        assertThat(store.messages("c1")).hasSize(1);
        assertThat(store.events("c1")).hasSize(1);
    }
}
