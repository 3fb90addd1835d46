package org.hotline12345.examples.capacity;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.h2.jdbc.JdbcConnection;

/**
 * Counts the statements the client calls send to the database (one per execute, one per batch): the library's own
 * tables and the engine's alike, but not the simulation's polling ({@link #uncounted}). Statements per call is the
 * figure the round trips follow. What runs outside the calls (the job executor, the engine's start) is counted apart,
 * as background ({@link #background}).
 */
final class CountingDataSource {

    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate",
            "executeBatch", "executeLargeBatch");

    /** The operation whose statements this thread counts now; null outside {@link #counting}. */
    private static final ThreadLocal<String> COUNTING = new ThreadLocal<>();
    /** What {@link #uncounted} sets as the operation (no operation's name): statements counted nowhere. */
    private static final String UNCOUNTED = "(uncounted)";

    private final AtomicLong statements = new AtomicLong();
    private final AtomicLong rows = new AtomicLong();
    private final AtomicLong backgroundStatements = new AtomicLong();
    private final AtomicLong backgroundRows = new AtomicLong();
    /** Per statement sent in the background: how often, the rows added to its batches, and the nanoseconds it took. */
    private final Map<String, LongAdder[]> backgroundBySql = new ConcurrentHashMap<>();
    /** Per operation: the statements it sent and the rows it wrote in batches. */
    private final Map<String, LongAdder[]> byOperation = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> bySql = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> nanosBySql = new ConcurrentHashMap<>();
    /** Per operation and statement: how often it was sent, and the rows added to its batches. */
    private final Map<String, Map<String, LongAdder[]>> byOperationSql = new ConcurrentHashMap<>();
    /** H2's connections under this class's wrappers, and their stand-ins that count ({@link #counted}). */
    private final Map<JdbcConnection, JdbcConnection> countedConnections = new java.util.IdentityHashMap<>();
    /** What H2's commits changed, where counted ({@code --writes true}); otherwise null. */
    private final H2Writes writes;

    /** @param writes where to count what H2's commits change, or null not to */
    CountingDataSource(H2Writes writes) {
        this.writes = writes;
    }

    /** Runs {@code call}, an API call of kind {@code operation}, on this thread with its statements counted. */
    static void counting(String operation, Runnable call) {
        COUNTING.set(operation);
        try {
            call.run();
        } finally {
            COUNTING.remove();
        }
    }

    /** Runs {@code query}, the simulation's own look at the engine, on this thread with its statements counted nowhere. */
    static <T> T uncounted(java.util.function.Supplier<T> query) {
        COUNTING.set(UNCOUNTED);
        try {
            return query.get();
        } finally {
            COUNTING.remove();
        }
    }

    /**
     * The statements and batched rows sent so far outside the calls and {@link #uncounted}: the job executor's, the
     * engine's start and the harness's own set-up.
     */
    long[] background() {
        return new long[] {backgroundStatements.get(), backgroundRows.get()};
    }

    /** Per table, the entries H2's commits outside the calls changed so far, as {@link H2Writes#counted}; empty when not counted. */
    Map<String, long[]> backgroundWrites() {
        return writes == null ? Map.of() : writes.counted(H2Writes.BACKGROUND);
    }

    /**
     * Per statement sent so far in the background, as {@link #background}: how often, its batched rows, and the
     * nanoseconds the driver took for it.
     */
    Map<String, long[]> backgroundBySql() {
        Map<String, long[]> sums = new java.util.TreeMap<>();
        backgroundBySql.forEach((sql, counts) -> sums.put(sql, new long[] {counts[0].sum(), counts[1].sum(), counts[2].sum()}));
        return sums;
    }

    DataSource wrap(DataSource dataSource) {
        return proxy(DataSource.class, dataSource);
    }

    long statements() {
        return statements.get();
    }

    /**
     * What the client calls of one run sent: the statements (executes and batches), the {@code limit} statements sent
     * most and those (and commits) the calls spent most time on, the time in the JDBC driver, and per operation and
     * table the entries H2's commits changed (empty when not counted).
     */
    record Profile(long statements, long rows, Map<String, long[]> perOperation, Map<String, Map<String, long[]>> perOperationSql,
            List<Map.Entry<String, Long>> mostSent, List<Map.Entry<String, Long>> slowest, long driverMillis,
            Map<String, Map<String, long[]>> writesPerOperation) {
    }

    Profile profile(int limit) {
        Map<String, long[]> perOperation = new java.util.TreeMap<>();
        byOperation.forEach((operation, counts) -> perOperation.put(operation, new long[] {counts[0].sum(), counts[1].sum()}));
        Map<String, Map<String, long[]>> perOperationSql = new java.util.TreeMap<>();
        byOperationSql.forEach((operation, statements) -> {
            Map<String, long[]> sums = new java.util.TreeMap<>();
            statements.forEach((sql, counts) -> sums.put(sql, new long[] {counts[0].sum(), counts[1].sum()}));
            perOperationSql.put(operation, sums);
        });
        return new Profile(statements(), rows.get(), perOperation, perOperationSql, mostSent(limit), slowest(limit), totalMillis(),
                writes == null ? Map.of() : writes.counted());
    }

    /** The {@code limit} statements the client calls sent most often, with how often, most first. */
    List<Map.Entry<String, Long>> mostSent(int limit) {
        return largest(bySql, limit);
    }

    /**
     * The {@code limit} statements (and commits) the client calls spent most time on, with the milliseconds the
     * driver took, most first: where the round trips go.
     */
    List<Map.Entry<String, Long>> slowest(int limit) {
        return largest(nanosBySql, limit).stream().map(e -> Map.entry(e.getKey(), e.getValue() / 1_000_000)).toList();
    }

    /** Milliseconds the driver took for all the statements and commits of the client calls. */
    long totalMillis() {
        return nanosBySql.values().stream().mapToLong(LongAdder::sum).sum() / 1_000_000;
    }

    private static List<Map.Entry<String, Long>> largest(Map<String, LongAdder> figures, int limit) {
        return figures.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue().sum()))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(limit).toList();
    }

    private <T> T proxy(Class<T> type, T target) {
        return proxy(type, target, null);
    }

    /** @param sql the statement's text, for a prepared statement */
    private <T> T proxy(Class<T> type, T target, String sql) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (target instanceof Connection connection && method.getName().equals("unwrap") && args[0] == JdbcConnection.class) {
                return counted(connection.unwrap(JdbcConnection.class));
            }
            // Parameters and getters pass straight through: the measurement must not cost the calls much.
            if (method.getName().startsWith("set") || method.getName().startsWith("get") && method.getReturnType() != Connection.class) {
                try {
                    return method.invoke(target, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
            if (writes != null && target instanceof Connection connection && method.getName().equals("commit")
                    && !UNCOUNTED.equals(COUNTING.get())) {
                writes.beforeCommit(connection, COUNTING.get() == null ? H2Writes.BACKGROUND : COUNTING.get());
            }
            Object result;
            long started = System.nanoTime();
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            long nanos = System.nanoTime() - started;
            String operation = COUNTING.get();
            if (operation == null && target instanceof Statement) {
                if (method.getName().equals("addBatch")) {
                    backgroundRows.incrementAndGet();
                    backgroundCounts(sql != null ? sql : "addBatch")[1].increment();
                } else if (EXECUTIONS.contains(method.getName())) {
                    backgroundStatements.incrementAndGet();
                    LongAdder[] counts = backgroundCounts(executedText(sql, method, args));
                    counts[0].increment();
                    counts[2].add(nanos);
                }
            }
            if (UNCOUNTED.equals(operation)) {
                operation = null;
            }
            if (target instanceof Statement && method.getName().equals("addBatch") && operation != null) {
                // A batched insert, update or delete: one row the flush writes, sent with the next executeBatch.
                rows.incrementAndGet();
                counts(operation)[1].increment();
                statementCounts(operation, sql != null ? sql : "addBatch")[1].increment();
            }
            if (target instanceof Connection && method.getName().equals("commit") && operation != null) {
                nanosBySql.computeIfAbsent("COMMIT", key -> new LongAdder()).add(nanos);
            }
            if (result instanceof Connection connection && method.getReturnType() == Connection.class) {
                return proxy(Connection.class, connection);
            }
            if (result instanceof Statement statement && Statement.class.isAssignableFrom(method.getReturnType())) {
                return proxy(statementType(method), statement, args != null && args.length > 0 && args[0] instanceof String text ? text : null);
            }
            if (target instanceof Statement && EXECUTIONS.contains(method.getName()) && operation != null) {
                statements.incrementAndGet();
                counts(operation)[0].increment();
                String text = executedText(sql, method, args);
                String key = SHORTENED.computeIfAbsent(text, CountingDataSource::shorten);
                bySql.computeIfAbsent(key, any -> new LongAdder()).increment();
                statementCounts(operation, text)[0].increment();
                nanosBySql.computeIfAbsent(key, any -> new LongAdder()).add(nanos);
            }
            return result;
        };
        return type.cast(Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private LongAdder[] statementCounts(String operation, String sql) {
        String key = SHORTENED.computeIfAbsent(sql, CountingDataSource::shorten);
        return byOperationSql.computeIfAbsent(operation, any -> new ConcurrentHashMap<>())
                .computeIfAbsent(key, any -> new LongAdder[] {new LongAdder(), new LongAdder()});
    }

    /** What an execute ran: the prepared statement's text, the text given to a plain statement, or the method's name. */
    private static String executedText(String sql, Method method, Object[] args) {
        return sql != null ? sql : args != null && args.length > 0 && args[0] instanceof String given ? given : method.getName();
    }

    private LongAdder[] backgroundCounts(String sql) {
        return backgroundBySql.computeIfAbsent(SHORTENED.computeIfAbsent(sql, CountingDataSource::shorten),
                any -> new LongAdder[] {new LongAdder(), new LongAdder(), new LongAdder()});
    }

    private LongAdder[] counts(String operation) {
        return byOperation.computeIfAbsent(operation, any -> new LongAdder[] {new LongAdder(), new LongAdder()});
    }

    /** Each statement's text shortened once, not on every execution. */
    private static final Map<String, String> SHORTENED = new ConcurrentHashMap<>();

    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

    private static String shorten(String sql) {
        String flat = WHITESPACE.matcher(sql).replaceAll(" ").trim();
        return flat.length() > 110 ? flat.substring(0, 110) + "..." : flat;
    }

    /**
     * H2's own connection, with the statements prepared on it counted. The library keeps its statements prepared on
     * H2's connection, which it reaches through {@code unwrap} from under the pool's and this class's wrappers; without
     * the stand-in the counts on H2 missed them. One stand-in per connection, so that the library, which keeps
     * statements per connection, finds its own again.
     */
    private JdbcConnection counted(JdbcConnection own) throws java.sql.SQLException {
        synchronized (countedConnections) {
            JdbcConnection counted = countedConnections.get(own);
            if (counted == null) {
                // A connection the pool opened since the last one: those it closed in between are forgotten.
                for (var connections = countedConnections.keySet().iterator(); connections.hasNext(); ) {
                    if (connections.next().isClosed()) {
                        connections.remove();
                    }
                }
                counted = new CountedH2Connection(own);
                countedConnections.put(own, counted);
            }
            return counted;
        }
    }

    /** An H2 connection sharing the session of {@code own}, whose prepared statements are counted. */
    private final class CountedH2Connection extends JdbcConnection {

        private final JdbcConnection own;

        CountedH2Connection(JdbcConnection own) {
            super(own);
            this.own = own;
        }

        @Override
        public java.sql.PreparedStatement prepareStatement(String sql) throws java.sql.SQLException {
            return proxy(java.sql.PreparedStatement.class, own.prepareStatement(sql), sql);
        }

        @Override
        public boolean isClosed() throws java.sql.SQLException {
            return own.isClosed();
        }
    }

    @SuppressWarnings("unchecked")
    private static <S extends Statement> Class<S> statementType(Method method) {
        return (Class<S>) method.getReturnType();
    }
}
