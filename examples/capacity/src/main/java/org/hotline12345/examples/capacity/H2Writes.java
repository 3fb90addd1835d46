package org.hotline12345.examples.capacity;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVMap;
import org.h2.schema.Schema;

/**
 * The entries of H2's maps a transaction changed, counted when it commits: per table, its rows and its indexes'
 * entries. Each is a B-tree operation when the statement runs and another when the commit marks it committed. Unlike
 * time, the count comes out the same in every run, so on a noisy machine it says exactly where one engine's work
 * differs from the other's ({@code --writes true}). Nothing H2 offers publicly reports it: this reads the
 * transaction's undo log, an internal of H2 2.3 reached by reflection, and costs the commits time, so a run that counts
 * is for its counts, not its times.
 */
final class H2Writes {

    /** Where the writes of commits made outside the client calls (the job executor's) are counted. */
    static final String BACKGROUND = "(background)";
    /** Entries of a table's row map, and of its indexes' maps. */
    static final int ROWS = 0;
    static final int INDEXES = 1;

    private static final Field SESSION_TRANSACTION;
    private static final Field TRANSACTION_STORE;
    private static final Field TRANSACTION_ID;
    private static final Field UNDO_LOGS;
    private static final Field RECORD_MAP_ID;
    private static final Method STORE_MAP;

    static {
        try {
            SESSION_TRANSACTION = accessible(SessionLocal.class.getDeclaredField("transaction"));
            Class<?> transaction = Class.forName("org.h2.mvstore.tx.Transaction");
            Class<?> store = Class.forName("org.h2.mvstore.tx.TransactionStore");
            TRANSACTION_STORE = accessible(transaction.getDeclaredField("store"));
            TRANSACTION_ID = accessible(transaction.getDeclaredField("transactionId"));
            UNDO_LOGS = accessible(store.getDeclaredField("undoLogs"));
            RECORD_MAP_ID = accessible(Class.forName("org.h2.mvstore.tx.Record").getDeclaredField("mapId"));
            STORE_MAP = accessible(store.getDeclaredMethod("getMap", int.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ExceptionInInitializerError(new IllegalStateException("--writes reads H2's undo log, which H2 "
                    + org.h2.engine.Constants.FULL_VERSION + " does not keep as H2 2.3 does: " + e, e));
        }
    }

    /** Per bucket (an operation's name, or {@link #BACKGROUND}), per table: its row and index entries. */
    private final Map<String, Map<String, LongAdder[]>> counts = new ConcurrentHashMap<>();
    /** H2's map ids, per run's database, as the table they belong to and whether they hold its rows. */
    private final Map<Integer, TableMap> maps = new ConcurrentHashMap<>();

    private record TableMap(String table, int kind) {
    }

    /** Counts what the transaction of {@code connection}, about to commit, changed, as {@code bucket}'s. */
    void beforeCommit(Connection connection, String bucket) throws SQLException {
        SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
        try {
            Object transaction = SESSION_TRANSACTION.get(session);
            if (transaction == null) {
                return;
            }
            Object store = TRANSACTION_STORE.get(transaction);
            MVMap<?, ?> undoLog = ((MVMap<?, ?>[]) UNDO_LOGS.get(store))[TRANSACTION_ID.getInt(transaction)];
            if (undoLog == null) {
                return;
            }
            Map<String, LongAdder[]> tables = counts.computeIfAbsent(bucket, any -> new ConcurrentHashMap<>());
            for (Object record : undoLog.values()) {
                TableMap map = maps.computeIfAbsent(RECORD_MAP_ID.getInt(record), id -> tableMap(session, store, id));
                tables.computeIfAbsent(map.table(), any -> new LongAdder[] {new LongAdder(), new LongAdder()})[map.kind()].increment();
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("reading H2's undo log", e);
        }
    }

    /** Per table, the row and index entries counted so far as {@code bucket}'s. */
    Map<String, long[]> counted(String bucket) {
        Map<String, long[]> sums = new TreeMap<>();
        counts.getOrDefault(bucket, Map.of()).forEach((table, entries) -> sums.put(table, new long[] {entries[ROWS].sum(),
                entries[INDEXES].sum()}));
        return sums;
    }

    /** Per bucket, per table, the row and index entries counted so far. */
    Map<String, Map<String, long[]>> counted() {
        Map<String, Map<String, long[]>> buckets = new TreeMap<>();
        counts.keySet().forEach(bucket -> buckets.put(bucket, counted(bucket)));
        return buckets;
    }

    static long total(Map<String, long[]> tables) {
        return tables.values().stream().mapToLong(entries -> entries[ROWS] + entries[INDEXES]).sum();
    }

    /**
     * H2 names a table's row map {@code table.<the table's id>} and an index's {@code index.<the index's id>}; a map
     * of neither kind keeps its own name.
     */
    private static TableMap tableMap(SessionLocal session, Object store, int mapId) {
        String name;
        try {
            name = ((MVMap<?, ?>) STORE_MAP.invoke(store, mapId)).getName();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("naming H2's map " + mapId, e);
        }
        int dot = name.indexOf('.');
        if (dot > 0 && dot < name.length() - 1 && name.substring(dot + 1).chars().allMatch(Character::isDigit)) {
            int objectId = Integer.parseInt(name.substring(dot + 1));
            for (Schema schema : session.getDatabase().getAllSchemas()) {
                if (name.startsWith("table.")) {
                    for (var table : schema.getAllTablesAndViews(session)) {
                        if (table.getId() == objectId) {
                            return new TableMap(table.getName(), ROWS);
                        }
                    }
                } else if (name.startsWith("index.")) {
                    for (var index : schema.getAllIndexes()) {
                        if (index.getId() == objectId) {
                            return new TableMap(index.getTable().getName(), INDEXES);
                        }
                    }
                }
            }
        }
        return new TableMap(name, ROWS);
    }

    private static <T extends java.lang.reflect.AccessibleObject> T accessible(T member) {
        member.setAccessible(true);
        return member;
    }
}
