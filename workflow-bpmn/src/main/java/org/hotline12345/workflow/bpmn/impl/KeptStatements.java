package org.hotline12345.workflow.bpmn.impl;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.h2.jdbc.JdbcConnection;

/**
 * The library's statements kept prepared on each of H2's connections from one command to the next. H2 runs in the JVM
 * and parses a statement each time one is prepared, unless the session still has it among the last ones it parsed
 * (eight by default); a step or a card sends more different statements than that, the engine's included, so every
 * statement of the library was parsed anew (docs/performance.md, the sixteenth session). A kept statement is parsed
 * once and prepared again after {@link #USES} uses, so that H2 plans it for the tables as they are: a plan made once
 * and kept while the tables grow can go wrong, as a larger H2 query cache showed (docs/operations.md). PostgreSQL's
 * driver keeps its prepared statements itself, and MariaDB parses a statement in the server; this is for H2 only, and
 * loads H2's classes.
 *
 * <p>A kept statement is lent to one caller at a time: its {@code close()} gives it back with its parameters cleared.
 * A caller that asks for the same statement while it is lent, or that changes a statement's settings (its fetch
 * size, say), gets or leaves a statement that is closed as usual.
 */
final class KeptStatements {

    /** At most this many statements are kept a connection; the least recently used one goes first. */
    static final int PER_CONNECTION = 128;
    /** A kept statement is prepared again after this many uses. */
    static final int USES = 1000;

    /** Calls that change what a statement is beyond its parameters: such a statement is not kept. */
    private static final Set<String> CHANGING_SETTINGS = Set.of("setFetchSize", "setFetchDirection", "setMaxRows", "setLargeMaxRows",
            "setMaxFieldSize", "setQueryTimeout", "setEscapeProcessing", "setCursorName", "setPoolable", "closeOnCompletion", "addBatch");

    private final Map<Connection, Map<String, Kept>> byConnection = new ConcurrentHashMap<>();

    /**
     * A statement for {@code sql} on {@code connection}: the one kept on its H2 connection where it is not lent, else
     * a new one. Only the thread that holds a connection uses its statements, as it uses the connection.
     */
    PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        Connection own = connection.isWrapperFor(JdbcConnection.class) ? connection.unwrap(JdbcConnection.class) : null;
        if (own == null) {
            return connection.prepareStatement(sql);
        }
        Map<String, Kept> kept = byConnection.get(own);
        if (kept == null) {
            // A connection the pool opened since the last one: those it closed in between are forgotten with theirs.
            byConnection.keySet().removeIf(KeptStatements::closed);
            kept = newConnectionsStatements();
            byConnection.put(own, kept);
        }
        Kept statement = kept.get(sql);
        if (statement != null && statement.lent) {
            return connection.prepareStatement(sql);
        }
        if (statement == null || statement.discarded || statement.uses >= USES) {
            if (statement != null) {
                statement.discard();
            }
            statement = new Kept(own.prepareStatement(sql));
            kept.put(sql, statement);
        }
        return statement.lend();
    }

    /** How many connections have statements kept: for tests. */
    int connections() {
        return byConnection.size();
    }

    private static Map<String, Kept> newConnectionsStatements() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
                if (size() <= PER_CONNECTION) {
                    return false;
                }
                eldest.getValue().discard();
                return true;
            }
        };
    }

    private static boolean closed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    /** A kept statement, and the stand-in lent for it whose {@code close()} gives it back. */
    private static final class Kept implements InvocationHandler {

        private final PreparedStatement statement;
        private final PreparedStatement lentOut;
        private boolean lent;
        private boolean discarded;
        private int uses;

        Kept(PreparedStatement statement) {
            this.statement = statement;
            this.lentOut = (PreparedStatement) Proxy.newProxyInstance(KeptStatements.class.getClassLoader(),
                    new Class<?>[] {PreparedStatement.class}, this);
        }

        PreparedStatement lend() {
            lent = true;
            uses++;
            return lentOut;
        }

        /** No longer kept: closed now, or when its caller gives it back. */
        void discard() {
            discarded = true;
            if (!lent) {
                closeQuietly();
            }
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (method.getDeclaringClass() == Object.class) {
                return switch (name) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "kept " + statement;
                };
            }
            if (method.getParameterCount() == 0) {
                switch (name) {
                    case "close" -> {
                        giveBack();
                        return null;
                    }
                    case "isClosed" -> {
                        return !lent || statement.isClosed();
                    }
                    default -> {
                    }
                }
            }
            if (!lent) {
                throw new SQLException("the statement is closed");
            }
            if (CHANGING_SETTINGS.contains(name)) {
                discarded = true;
            }
            try {
                return method.invoke(statement, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        private void giveBack() throws SQLException {
            if (!lent) {
                return;
            }
            lent = false;
            if (discarded) {
                statement.close();
                return;
            }
            try {
                statement.clearParameters();
            } catch (SQLException e) {
                discarded = true;
                closeQuietly();
                throw e;
            }
        }

        private void closeQuietly() {
            try {
                statement.close();
            } catch (SQLException e) {
                // Its connection is gone, and with it the statement.
            }
        }
    }
}
