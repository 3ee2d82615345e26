package org.chatconsult.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.chatconsult.core.ConsultationState;
import org.chatconsult.core.Disposition;
import org.chatconsult.core.InteractionState;
import org.chatconsult.core.Offer;
import org.chatconsult.core.Readiness;
import org.chatconsult.core.Snapshot;

/**
 * The store in any SQL database through JDBC: Openfire's connection pool inside Openfire, an embedded or
 * configured database elsewhere. The tables come from the scripts in {@code database/} (one per database).
 * Only portable SQL: snapshots are updated, or inserted when new; times are epoch milliseconds.
 */
public final class JdbcStore implements Store {
    /** Opens a connection; the store closes each one it opens (a pool takes it back). */
    @FunctionalInterface
    public interface Connections {
        Connection open() throws SQLException;
    }

    private static final List<String> AGENT_COLUMNS = List.of("readiness", "capacity", "lastSession");
    private static final List<String> INTERACTION_COLUMNS = List.of("routingPoint", "contact", "contactName",
            "firstMessage", "started", "state", "owner", "participants", "offerId", "offerAgent", "offerExpires",
            "ended", "endReason", "doneBy", "doneCode", "doneNote", "doneAt");
    private static final List<String> CONSULTATION_COLUMNS = List.of("interactionId", "initiator", "requestedTarget",
            "candidates", "started", "state", "target", "offers", "ended", "endReason");
    // Each snapshot's update and insert take its columns, then its key, in the same order.
    private static final String AGENT_UPDATE = update("ccAgent", AGENT_COLUMNS, "address");
    private static final String AGENT_INSERT = insert("ccAgent", AGENT_COLUMNS, "address");
    private static final String INTERACTION_UPDATE = update("ccInteraction", INTERACTION_COLUMNS, "id");
    private static final String INTERACTION_INSERT = insert("ccInteraction", INTERACTION_COLUMNS, "id");
    private static final String INTERACTION_SELECT = "SELECT id, " + String.join(", ", INTERACTION_COLUMNS)
            + " FROM ccInteraction";
    private static final String CONSULTATION_UPDATE = update("ccConsultation", CONSULTATION_COLUMNS, "id");
    private static final String CONSULTATION_INSERT = insert("ccConsultation", CONSULTATION_COLUMNS, "id");
    private static final String CONSULTATION_SELECT = "SELECT id, " + String.join(", ", CONSULTATION_COLUMNS)
            + " FROM ccConsultation";
    private static final String MESSAGE_INSERT = "INSERT INTO ccMessage (roomId, seq, interactionId, sentAt, "
            + "sender, senderRole, body, stanzaId) VALUES (?,?,?,?,?,?,?,?)";
    private static final String EVENT_INSERT = "INSERT INTO ccEvent (interactionId, seq, happenedAt, kind, actor, "
            + "detail) VALUES (?,?,?,?,?,?)";

    private final Connections connections;
    private final Runnable onClose;

    /** A store on a pool that belongs to someone else (Openfire's). */
    public JdbcStore(Connections connections) {
        this(connections, () -> { });
    }

    /** A store that runs {@code onClose} when closed, e.g. to shut its embedded database down. */
    public JdbcStore(Connections connections, Runnable onClose) {
        this.connections = connections;
        this.onClose = onClose;
    }

    @Override
    public void write(Batch batch) throws StoreException {
        transaction("write " + batch.size() + " changes", connection -> {
            writeAgents(connection, batch);
            writeInteractions(connection, batch);
            writeConsultations(connection, batch);
            insertAll(connection, MESSAGE_INSERT, batch.messages, (statement, m) -> {
                statement.setString(1, m.roomId());
                statement.setLong(2, m.seq());
                statement.setString(3, m.interactionId());
                statement.setLong(4, m.time().toEpochMilli());
                statement.setString(5, m.sender());
                statement.setString(6, m.role());
                statement.setString(7, m.body());
                statement.setString(8, m.stanzaId());
            });
            insertAll(connection, EVENT_INSERT, batch.events, (statement, e) -> {
                statement.setString(1, e.interactionId());
                statement.setLong(2, e.seq());
                statement.setLong(3, e.time().toEpochMilli());
                statement.setString(4, e.kind());
                statement.setString(5, e.actor());
                statement.setString(6, e.detail());
            });
            return null;
        });
    }

    private static void writeAgents(Connection connection, Batch batch) throws SQLException {
        for (Snapshot.AgentRecord agent : batch.agents.values()) {
            upsert(connection, AGENT_UPDATE, AGENT_INSERT, statement -> {
                statement.setString(1, agent.readiness().name());
                statement.setInt(2, agent.capacity());
                statement.setString(3, agent.session());
                statement.setString(4, agent.address());
            });
        }
    }

    private static void writeInteractions(Connection connection, Batch batch) throws SQLException {
        for (Snapshot.InteractionRecord i : batch.interactions.values()) {
            upsert(connection, INTERACTION_UPDATE, INTERACTION_INSERT, statement -> {
                Offer offer = i.offer();
                Disposition done = i.disposition();
                statement.setString(1, i.routingPoint());
                statement.setString(2, i.contact());
                statement.setString(3, i.contactName());
                statement.setString(4, i.firstMessage());
                statement.setLong(5, i.started().toEpochMilli());
                statement.setString(6, i.state().name());
                statement.setString(7, i.owner());
                statement.setString(8, String.join(" ", i.participants()));
                statement.setString(9, offer == null ? null : offer.id());
                statement.setString(10, offer == null ? null : offer.agent());
                setTime(statement, 11, offer == null ? null : offer.expires());
                setTime(statement, 12, i.ended());
                statement.setString(13, i.endReason());
                statement.setString(14, done == null ? null : done.party());
                statement.setString(15, done == null ? null : done.code());
                statement.setString(16, done == null ? null : done.note());
                setTime(statement, 17, done == null ? null : done.at());
                statement.setString(18, i.id());
            });
        }
    }

    private static void writeConsultations(Connection connection, Batch batch) throws SQLException {
        for (Snapshot.ConsultationRecord c : batch.consultations.values()) {
            upsert(connection, CONSULTATION_UPDATE, CONSULTATION_INSERT, statement -> {
                statement.setString(1, c.interactionId());
                statement.setString(2, c.initiator());
                statement.setString(3, c.requestedTarget());
                statement.setString(4, String.join(" ", c.candidates()));
                statement.setLong(5, c.started().toEpochMilli());
                statement.setString(6, c.state().name());
                statement.setString(7, c.target());
                statement.setString(8, encodeOffers(c.offers()));
                setTime(statement, 9, c.ended());
                statement.setString(10, c.endReason());
                statement.setString(11, c.id());
            });
        }
    }

    @Override
    public Live live() throws StoreException {
        return query(connection -> new Live(
                list(connection, "SELECT address, readiness, capacity, lastSession FROM ccAgent", null,
                        JdbcStore::agent),
                list(connection, INTERACTION_SELECT + " WHERE ended IS NULL ORDER BY started", null,
                        JdbcStore::interaction),
                list(connection, CONSULTATION_SELECT + " WHERE ended IS NULL ORDER BY started", null,
                        JdbcStore::consultation)));
    }

    @Override
    public Ended endedSince(Instant since, int limit) throws StoreException {
        return query(connection -> {
            List<Snapshot.InteractionRecord> interactions = oldestFirst(newest(connection, INTERACTION_SELECT
                    + " WHERE ended >= ? ORDER BY ended DESC", since, limit, JdbcStore::interaction));
            List<Snapshot.ConsultationRecord> consultations = oldestFirst(newest(connection, CONSULTATION_SELECT
                    + " WHERE ended >= ? ORDER BY ended DESC", since, limit, JdbcStore::consultation));
            Map<String, Set<String>> doneBy = new HashMap<>();
            consultations.forEach(c -> doneBy.put(c.id(), new HashSet<>()));
            // A consultation-done event's detail begins with the consultation's id (InteractionLog).
            for (Map.Entry<String, String> done : newest(connection, "SELECT detail, actor FROM ccEvent WHERE "
                    + "kind='consultation-done' AND happenedAt >= ?", since, 0,
                    r -> Map.entry(String.valueOf(r.getString(1)).split(" ", 2)[0],
                            String.valueOf(r.getString(2))))) {
                Optional.ofNullable(doneBy.get(done.getKey())).ifPresent(members -> members.add(done.getValue()));
            }
            Map<String, Long> lastEvents = new HashMap<>();
            for (Map.Entry<String, Long> last : newest(connection, "SELECT interactionId, MAX(seq) FROM ccEvent "
                    + "WHERE interactionId IN (SELECT id FROM ccInteraction WHERE ended >= ?) GROUP BY interactionId",
                    since, 0, r -> Map.entry(r.getString(1), r.getLong(2)))) {
                lastEvents.put(last.getKey(), last.getValue());
            }
            return new Ended(interactions, consultations, doneBy, lastEvents);
        });
    }

    /** Rows of a query whose one parameter is a time; at most {@code limit} of them, all if it is 0. */
    private static <T> List<T> newest(Connection connection, String sql, Instant since, int limit, Row<T> row)
            throws SQLException {
        return rows(connection, sql, statement -> {
            statement.setLong(1, since.toEpochMilli());
            statement.setMaxRows(limit);
        }, row);
    }

    private static <T> List<T> oldestFirst(List<T> newestFirst) {
        List<T> result = new ArrayList<>(newestFirst);
        Collections.reverse(result);
        return result;
    }

    @Override
    public Optional<Snapshot.InteractionRecord> interaction(String id) throws StoreException {
        return query(connection -> list(connection, INTERACTION_SELECT + " WHERE id=?", id, JdbcStore::interaction)
                .stream().findFirst());
    }

    @Override
    public List<Snapshot.ConsultationRecord> consultations(String interactionId) throws StoreException {
        return query(connection -> list(connection, CONSULTATION_SELECT + " WHERE interactionId=? ORDER BY started",
                interactionId, JdbcStore::consultation));
    }

    @Override
    public List<Message> messages(String interactionId) throws StoreException {
        return query(connection -> list(connection, "SELECT interactionId, roomId, seq, sentAt, sender, senderRole, "
                + "body, stanzaId FROM ccMessage WHERE interactionId=? ORDER BY sentAt, roomId, seq", interactionId,
                r -> new Message(r.getString(1), r.getString(2), r.getLong(3), Instant.ofEpochMilli(r.getLong(4)),
                        r.getString(5), r.getString(6), r.getString(7), r.getString(8))));
    }

    @Override
    public List<Event> events(String interactionId) throws StoreException {
        return query(connection -> list(connection, "SELECT interactionId, seq, happenedAt, kind, actor, detail "
                + "FROM ccEvent WHERE interactionId=? ORDER BY seq", interactionId,
                r -> new Event(r.getString(1), r.getLong(2), Instant.ofEpochMilli(r.getLong(3)), r.getString(4),
                        r.getString(5), r.getString(6))));
    }

    @Override
    public int purgeEndedBefore(Instant cutoff) throws StoreException {
        String ended = "SELECT id FROM ccInteraction WHERE ended IS NOT NULL AND ended < ?";
        return transaction("purge records that ended before " + cutoff, connection -> {
            for (String table : List.of("ccMessage", "ccEvent", "ccConsultation")) {
                execute(connection, "DELETE FROM " + table + " WHERE interactionId IN (" + ended + ")", cutoff);
            }
            return execute(connection, "DELETE FROM ccInteraction WHERE ended IS NOT NULL AND ended < ?", cutoff);
        });
    }

    @Override
    public void close() {
        onClose.run();
    }

    private static int execute(Connection connection, String sql, Instant cutoff) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, cutoff.toEpochMilli());
            return statement.executeUpdate();
        }
    }

    /** Every row the query finds, read by {@code row}; {@code key}, if given, is its one parameter. */
    private static <T> List<T> list(Connection connection, String sql, String key, Row<T> row) throws SQLException {
        return rows(connection, sql, statement -> {
            if (key != null) {
                statement.setString(1, key);
            }
        }, row);
    }

    private static <T> List<T> rows(Connection connection, String sql, Parameters parameters, Row<T> row)
            throws SQLException {
        List<T> result = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            parameters.set(statement);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    result.add(row.read(rows));
                }
            }
        }
        return result;
    }

    private static Snapshot.AgentRecord agent(ResultSet r) throws SQLException {
        return new Snapshot.AgentRecord(r.getString(1), Readiness.valueOf(r.getString(2)), r.getInt(3),
                r.getString(4));
    }

    /** A row of {@link #INTERACTION_SELECT}: the id, then the columns in their order. */
    private static Snapshot.InteractionRecord interaction(ResultSet r) throws SQLException {
        String id = r.getString(1);
        String offerId = r.getString(10);
        Offer offer = offerId == null ? null
                : new Offer(offerId, id, r.getString(11), Instant.ofEpochMilli(r.getLong(12)));
        String doneBy = r.getString(15);
        Disposition done = doneBy == null ? null
                : new Disposition(doneBy, r.getString(16), r.getString(17), time(r, 18));
        return new Snapshot.InteractionRecord(id, r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                Instant.ofEpochMilli(r.getLong(6)), InteractionState.valueOf(r.getString(7)), r.getString(8),
                words(r.getString(9)), offer, time(r, 13), r.getString(14), done);
    }

    /** A row of {@link #CONSULTATION_SELECT}: the id, then the columns in their order. */
    private static Snapshot.ConsultationRecord consultation(ResultSet r) throws SQLException {
        String id = r.getString(1);
        return new Snapshot.ConsultationRecord(id, r.getString(2), r.getString(3), r.getString(4),
                words(r.getString(5)), Instant.ofEpochMilli(r.getLong(6)), ConsultationState.valueOf(r.getString(7)),
                r.getString(8), decodeOffers(id, r.getString(9)), time(r, 10), r.getString(11));
    }

    /** Open offers as lines of "id agent expires": XMPP addresses hold neither spaces nor line breaks. */
    private static String encodeOffers(List<Offer> offers) {
        StringBuilder text = new StringBuilder();
        for (Offer offer : offers) {
            text.append(offer.id()).append(' ').append(offer.agent()).append(' ')
                    .append(offer.expires().toEpochMilli()).append('\n');
        }
        return text.toString();
    }

    private static List<Offer> decodeOffers(String subjectId, String text) {
        List<Offer> offers = new ArrayList<>();
        for (String line : text == null ? new String[0] : text.split("\n")) {
            String[] parts = line.trim().split(" ");
            if (parts.length == 3) {
                offers.add(new Offer(parts[0], subjectId, parts[1], Instant.ofEpochMilli(Long.parseLong(parts[2]))));
            }
        }
        return offers;
    }

    private static Set<String> words(String text) {
        Set<String> words = new LinkedHashSet<>();
        if (text != null) {
            Arrays.stream(text.trim().split(" ")).filter(w -> !w.isEmpty()).forEach(words::add);
        }
        return words;
    }

    private static Instant time(ResultSet rows, int column) throws SQLException {
        long millis = rows.getLong(column);
        return rows.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private static void setTime(PreparedStatement statement, int index, Instant time) throws SQLException {
        if (time == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, time.toEpochMilli());
        }
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private interface RowBinder<T> {
        void bind(PreparedStatement statement, T row) throws SQLException;
    }

    @FunctionalInterface
    private interface Parameters {
        void set(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    private interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    @FunctionalInterface
    private interface Query<T> {
        T run(Connection connection) throws SQLException;
    }

    private static String update(String table, List<String> columns, String key) {
        return "UPDATE " + table + " SET " + String.join("=?, ", columns) + "=? WHERE " + key + "=?";
    }

    private static String insert(String table, List<String> columns, String key) {
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ", " + key + ") VALUES ("
                + "?,".repeat(columns.size()) + "?)";
    }

    /** Updates the row, or inserts it when there is none: both statements take the same parameters in order. */
    private static void upsert(Connection connection, String update, String insert, Binder binder) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(update)) {
            binder.bind(statement);
            if (statement.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            binder.bind(statement);
            statement.executeUpdate();
        }
    }

    /** Inserts every row with one statement, sent to the database as one batch. */
    private static <T> void insertAll(Connection connection, String insert, List<T> rows, RowBinder<T> binder)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            for (T row : rows) {
                binder.bind(statement, row);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** Runs {@code work} in one transaction: all of it is committed, or none of it. */
    private <T> T transaction(String what, Query<T> work) throws StoreException {
        try (Connection connection = connections.open()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new StoreException("could not " + what, e);
        }
    }

    private <T> T query(Query<T> query) throws StoreException {
        try (Connection connection = connections.open()) {
            return query.run(connection);
        } catch (SQLException e) {
            throw new StoreException("could not read the store", e);
        }
    }
}
