package org.hotline12345.examples.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Calls the running portal as one of its demo users (password {@link DemoUsers#PASSWORD}), for the HTTP tests. */
final class DemoHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    DemoHttp(int port) {
        this.port = port;
    }

    /** @param user a demo user, or null for an anonymous call; @param json the body, or null for none */
    HttpResponse<String> send(String method, String user, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        if (user != null) {
            String credentials = user + ":" + DemoUsers.PASSWORD;
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The body as JSON; a body that is empty or not a JSON object or array is a null node. */
    static JsonNode json(String body) throws Exception {
        String trimmed = body == null ? "" : body.trim();
        return trimmed.startsWith("{") || trimmed.startsWith("[") ? JSON.readTree(trimmed) : JSON.nullNode();
    }
}
