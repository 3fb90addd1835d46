package org.hotline12345.examples.portal.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The example portal's jar running as a separate JVM, as it runs in production: started with its own port and
 * arguments, reached over HTTP, stopped or killed (SIGKILL) like a crashed node.
 */
final class PortalNode implements AutoCloseable {

    static final Path JAR = Path.of("target", "hotline-portal.jar");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final List<String> arguments;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;
    private Process process;

    record Response(int status, JsonNode body) {
    }

    PortalNode(String name, List<String> arguments) throws IOException {
        this.name = name;
        this.arguments = List.copyOf(arguments);
        this.port = freePort();
        this.log = Path.of("target", "cluster-" + name + ".log");
    }

    static PortalNode onPostgres(String name, String database, String... extra) throws IOException {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.profiles.active=demo,postgresql",
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + database,
                "--camunda.bpm.generic-properties.properties.hostname=" + name,
                "--hotline.workflow.demo.clock-start=2026-11-26T02:00:00Z",
                "--camunda.bpm.job-execution.wait-time-in-millis=200",
                "--camunda.bpm.job-execution.max-wait=1000",
                // Small acquisitions, so that the nodes share the timers that fall due together.
                "--camunda.bpm.job-execution.max-jobs-per-acquisition=4"));
        arguments.addAll(List.of(extra));
        return new PortalNode(name, arguments);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    String name() {
        return name;
    }

    /** Starts the JVM and waits until the REST API answers. */
    PortalNode start() throws Exception {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: the cluster tests run after 'package'");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", JAR.toString(), "--server.port=" + port));
        command.addAll(arguments);
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("node " + name + " exited during start; see " + log.toAbsolutePath());
            }
            try {
                if (get("operator", "/api/demo/clock").status() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("node " + name + " did not start within 120 s; see " + log.toAbsolutePath());
    }

    /** Ends the JVM at once with SIGKILL: no shutdown hook, no commit of anything in flight. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    Response get(String user, String path) throws IOException, InterruptedException {
        return send(user, "GET", path, null);
    }

    Response post(String user, String path, String json) throws IOException, InterruptedException {
        return send(user, "POST", path, json);
    }

    Response send(String user, String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        JsonNode parsed = body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
        return new Response(response.statusCode(), parsed);
    }

    /** Sets this node's demo clock; the engine's timers follow it. */
    void setClock(String instant) throws IOException, InterruptedException {
        Response response = post("supervisor", "/api/demo/clock", "{\"set\": \"" + instant + "\"}");
        if (response.status() != 200) {
            throw new IllegalStateException("clock not set on " + name + ": " + response);
        }
    }

    File logFile() {
        return log.toFile();
    }
}
