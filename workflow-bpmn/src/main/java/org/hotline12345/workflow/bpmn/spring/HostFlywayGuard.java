package org.hotline12345.workflow.bpmn.spring;

import java.io.IOException;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The library migrates its own tables with Flyway, which puts Flyway on the host's class path. Spring Boot
 * then runs its own Flyway migration of the host's {@code db/migration} too, and fails on a schema that already
 * holds the engine's tables. When the host has no Flyway migrations and has not set {@code spring.flyway.enabled},
 * this turns Boot's Flyway off by default; a host that uses Flyway is left exactly as it configured it.
 */
class HostFlywayGuard implements EnvironmentPostProcessor {

    static final String PROPERTY = "spring.flyway.enabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty(PROPERTY) || hostHasMigrations(environment)) {
            return;
        }
        environment.getPropertySources().addLast(new MapPropertySource("hotlineWorkflowFlywayDefault", Map.of(PROPERTY, "false")));
    }

    private static boolean hostHasMigrations(ConfigurableEnvironment environment) {
        String[] locations = environment.getProperty("spring.flyway.locations", String[].class, new String[] {"classpath:db/migration"});
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        for (String location : locations) {
            if (location.contains("{") || !location.startsWith("classpath:")) {
                // Vendor placeholders or file-system locations: assume the host knows what it does.
                return true;
            }
            String pattern = "classpath*:" + location.substring("classpath:".length()).replaceAll("^/+", "") + "/**/*.sql";
            try {
                if (resolver.getResources(pattern).length > 0) {
                    return true;
                }
            } catch (IOException e) {
                return true;
            }
        }
        return false;
    }
}
