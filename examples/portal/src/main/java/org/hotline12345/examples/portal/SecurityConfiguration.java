package org.hotline12345.examples.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotline12345.workflow.directory.OrganisationDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * HTTP Basic for the REST API and the audit pages. {@code /engine-rest/**} is not exposed by this portal, and is kept behind
 * authentication so that adding Camunda's REST starter later cannot open it to anyone. Cockpit and Tasklist
 * under {@code /camunda} use Camunda's own login.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json) throws Exception {
        return http.securityMatcher("/api/**", "/engine-rest/**", "/audit/cases/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", "Basic realm=\"hotline\"");
                            write(json, response, HttpServletResponse.SC_UNAUTHORIZED, "UNAUTHENTICATED", "log in with HTTP Basic");
                        })
                        .accessDeniedHandler((request, response, e) ->
                                write(json, response, HttpServletResponse.SC_FORBIDDEN, "NOT_AUTHORIZED", e.getMessage())))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        // Camunda's webapps bring their own authentication and CSRF protection.
        return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService demoUsers(PasswordEncoder encoder, OrganisationDirectory directory) {
        String password = encoder.encode(DemoUsers.PASSWORD);
        List<UserDetails> users = new ArrayList<>();
        for (DemoUsers.DemoUser user : DemoUsers.all(directory)) {
            List<SimpleGrantedAuthority> authorities = new ArrayList<>();
            user.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority(Actors.ROLE_PREFIX + role.name())));
            user.units().forEach(unit -> authorities.add(new SimpleGrantedAuthority(Actors.UNIT_PREFIX + unit)));
            users.add(User.withUsername(user.username()).password(password).authorities(authorities).build());
        }
        return new InMemoryUserDetailsManager(users);
    }

    private static void write(ObjectMapper json, HttpServletResponse response, int status, String error, String message)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), Map.of("error", error, "message", message));
    }
}
