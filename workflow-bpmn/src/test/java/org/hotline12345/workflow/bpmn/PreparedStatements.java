package org.hotline12345.workflow.bpmn;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import javax.sql.DataSource;

/** Records the text of every statement prepared on a pool's connections, for tests of what a step sends. */
final class PreparedStatements {

    private PreparedStatements() {
    }

    /** The pool, adding the text of every statement prepared on it to {@code prepared}. */
    static DataSource recording(DataSource target, List<String> prepared) {
        return (DataSource) Proxy.newProxyInstance(PreparedStatements.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(method, target, args);
                    return result instanceof Connection connection ? recording(connection, prepared) : result;
                });
    }

    private static Connection recording(Connection target, List<String> prepared) {
        return (Connection) Proxy.newProxyInstance(PreparedStatements.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement") && args != null && args[0] instanceof String sql) {
                        prepared.add(sql);
                    }
                    if (method.getName().equals("isWrapperFor")) {
                        // The library keeps its statements on H2's own connection where it can reach it, and prepares
                        // them on that, past this recording; here it cannot, and prepares every statement through it.
                        return false;
                    }
                    return invoke(method, target, args);
                });
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
