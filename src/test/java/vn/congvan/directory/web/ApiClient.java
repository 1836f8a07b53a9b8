package vn.congvan.directory.web;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.congvan.TestDatabaseInitializer;

/** Calls the running server's API as a signed-in official, like a mobile app would. */
final class ApiClient {

    /** What came back: the status and the JSON body. */
    record Reply(int status, JsonNode body) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient http;
    private final @Nullable String token;
    private final String language;

    private ApiClient(RestClient http, @Nullable String token, String language) {
        this.http = http;
        this.token = token;
        this.language = language;
    }

    static ApiClient signedIn(int port, String username, String password) {
        RestClient http =
                RestClient.builder().baseUrl("http://localhost:" + port).build();
        Reply reply = new ApiClient(http, null, "vi")
                .call(HttpMethod.POST, "/api/v1/auth/token", Map.of("username", username, "password", password));
        if (reply.status() != 200) {
            throw new IllegalStateException(username + " cannot sign in: " + reply);
        }
        return new ApiClient(http, reply.body().get("token").asString(), "vi");
    }

    static ApiClient administrator(int port) {
        return signedIn(port, "admin", TestDatabaseInitializer.DEMO_PASSWORD);
    }

    ApiClient inLanguage(String language) {
        return new ApiClient(http, token, language);
    }

    Reply get(String uri) {
        return call(HttpMethod.GET, uri, null);
    }

    Reply post(String uri, Object body) {
        return call(HttpMethod.POST, uri, body);
    }

    Reply put(String uri, Object body) {
        return call(HttpMethod.PUT, uri, body);
    }

    Reply delete(String uri) {
        return call(HttpMethod.DELETE, uri, null);
    }

    private Reply call(HttpMethod method, String uri, @Nullable Object body) {
        RestClient.RequestBodySpec request = http.method(method).uri(uri).header("Accept-Language", language);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(JSON.writeValueAsString(body));
        }
        return request.exchange((req, res) -> {
            byte[] bytes = res.getBody().readAllBytes();
            JsonNode json = bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
            return new Reply(res.getStatusCode().value(), json);
        });
    }
}
