package org.hotline12345.examples.capacity;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Counts the statements the client calls send to the database (one per execute, one per batch): the library's own
 * tables and the engine's alike, but not the job executor's or the simulation's polling, which run on other threads
 * or outside {@link #counting}. Statements per call is the figure the round trips follow.
 */
final class CountingDataSource {

    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate",
            "executeBatch", "executeLargeBatch");

    private static final ThreadLocal<Boolean> COUNTING = ThreadLocal.withInitial(() -> false);

    private final AtomicLong statements = new AtomicLong();

    /** Runs {@code call} on this thread with its statements counted. */
    static void counting(Runnable call) {
        COUNTING.set(true);
        try {
            call.run();
        } finally {
            COUNTING.set(false);
        }
    }

    DataSource wrap(DataSource dataSource) {
        return proxy(DataSource.class, dataSource);
    }

    long statements() {
        return statements.get();
    }

    private <T> T proxy(Class<T> type, T target) {
        InvocationHandler handler = (proxy, method, args) -> {
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (result instanceof Connection connection && method.getReturnType() == Connection.class) {
                return proxy(Connection.class, connection);
            }
            if (result instanceof Statement statement && Statement.class.isAssignableFrom(method.getReturnType())) {
                return proxy(statementType(method), statement);
            }
            if (target instanceof Statement && EXECUTIONS.contains(method.getName()) && COUNTING.get()) {
                statements.incrementAndGet();
            }
            return result;
        };
        return type.cast(Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    @SuppressWarnings("unchecked")
    private static <S extends Statement> Class<S> statementType(Method method) {
        return (Class<S>) method.getReturnType();
    }
}
