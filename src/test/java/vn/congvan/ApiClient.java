package vn.congvan;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/** Calls the CongVan API over real HTTP as one official, keeping status and JSON of each answer. */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient http;
    private final String token;
    private String language = "vi";

    public ApiClient(int port, String token) {
        this(RestClient.create("http://localhost:" + port), token);
    }

    private ApiClient(RestClient http, String token) {
        this.http = http;
        this.token = token;
    }

    /**
     * The same official through a client that takes each answer as it comes: the default one (Apache
     * HttpClient) waits out a 503's {@code Retry-After} and asks again, as a patient integrator would.
     */
    public static ApiClient answeringAtOnce(int port, String token) {
        return new ApiClient(
                RestClient.builder()
                        .baseUrl("http://localhost:" + port)
                        .requestFactory(new org.springframework.http.client.JdkClientHttpRequestFactory())
                        .build(),
                token);
    }

    public ApiClient inEnglish() {
        language = "en";
        return this;
    }

    /** An answer of the API. */
    public record Answer(int status, String body, byte[] bytes, HttpHeaders headers) {
        public Answer(int status, String body, byte[] bytes) {
            this(status, body, bytes, new HttpHeaders());
        }

        /** The first value of a header of the answer, {@code null} when absent. */
        public String header(String name) {
            return headers.getFirst(name);
        }

        public Map<String, Object> json() {
            return JSON.readValue(body, Map.class);
        }

        public Object get(String field) {
            return json().get(field);
        }

        public List<?> list() {
            return JSON.readValue(body, List.class);
        }
    }

    /** A file part of a multipart request. */
    public record FilePart(String name, byte[] content, String contentType) {
        public static FilePart pdf(String name, byte[] content) {
            return new FilePart(name, content, "application/pdf");
        }
    }

    public Answer get(String path) {
        return http.get()
                .uri(path)
                .header("Authorization", "Bearer " + token)
                .header("Accept-Language", language)
                .exchange((req, res) ->
                        answer(res.getStatusCode().value(), res.getBody().readAllBytes(), res.getHeaders()));
    }

    /** A GET with headers of the caller's own (a Range, an If-Range). */
    public Answer get(String path, Map<String, String> headers) {
        return http.get()
                .uri(path)
                .header("Authorization", "Bearer " + token)
                .header("Accept-Language", language)
                .headers(h -> headers.forEach(h::add))
                .exchange((req, res) ->
                        answer(res.getStatusCode().value(), res.getBody().readAllBytes(), res.getHeaders()));
    }

    /**
     * Uploads the file in one tus request (creation with upload) and returns the upload's id; with
     * {@code sent} below the file's length, only that many of its bytes arrive.
     */
    public UUID uploaded(FilePart file, int sent) {
        java.util.Base64.Encoder base64 = java.util.Base64.getEncoder();
        String metadata = "filename " + base64.encodeToString(file.name().getBytes(StandardCharsets.UTF_8))
                + ",filetype " + base64.encodeToString(file.contentType().getBytes(StandardCharsets.UTF_8));
        Answer created = http.post()
                .uri("/api/v1/uploads")
                .header("Authorization", "Bearer " + token)
                .header("Tus-Resumable", "1.0.0")
                .header("Upload-Length", Integer.toString(file.content().length))
                .header("Upload-Metadata", metadata)
                .contentType(MediaType.parseMediaType("application/offset+octet-stream"))
                .body(java.util.Arrays.copyOf(file.content(), sent))
                .exchange((req, res) ->
                        answer(res.getStatusCode().value(), res.getBody().readAllBytes(), res.getHeaders()));
        if (created.status() != 201) {
            throw new IllegalStateException("upload refused: " + created.status() + " " + created.body());
        }
        String location = created.header("Location");
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    public UUID uploaded(FilePart file) {
        return uploaded(file, file.content().length);
    }

    public Answer delete(String path) {
        return http.delete()
                .uri(path)
                .header("Authorization", "Bearer " + token)
                .header("Accept-Language", language)
                .exchange((req, res) ->
                        answer(res.getStatusCode().value(), res.getBody().readAllBytes(), res.getHeaders()));
    }

    public Answer postJson(String path, Object body) {
        return http.post()
                .uri(path)
                .header("Authorization", "Bearer " + token)
                .header("Accept-Language", language)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange((req, res) ->
                        answer(res.getStatusCode().value(), res.getBody().readAllBytes(), res.getHeaders()));
    }

    public Answer putJson(String path, Object body) {
        return http.put()
                .uri(path)
                .header("Authorization", "Bearer " + token)
                .header("Accept-Language", language)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange((req, res) ->
                        answer(res.getStatusCode().value(), res.getBody().readAllBytes(), res.getHeaders()));
    }

    public Answer multipart(String path, Map<String, ?> metadata, @Nullable FilePart file, List<FilePart> attachments) {
        return multipart(path, metadata, file, attachments, null);
    }

    public Answer multipart(
            String path,
            Map<String, ?> metadata,
            @Nullable FilePart file,
            List<FilePart> attachments,
            @Nullable String idempotencyKey) {
        LinkedMultiValueMap<String, HttpEntity<?>> body = new LinkedMultiValueMap<>();
        HttpHeaders jsonHeaders = new HttpHeaders();
        jsonHeaders.setContentType(MediaType.APPLICATION_JSON);
        body.add("metadata", new HttpEntity<>(JSON.writeValueAsString(metadata), jsonHeaders));
        if (file != null) {
            addFile(body, "file", file);
        }
        for (FilePart attachment : attachments) {
            addFile(body, "attachments", attachment);
        }
        var request = http.post()
                .uri(path)
                .header("Authorization", "Bearer " + token)
                .header("Accept-Language", language)
                .contentType(MediaType.MULTIPART_FORM_DATA);
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.body(body)
                .exchange((req, res) ->
                        answer(res.getStatusCode().value(), res.getBody().readAllBytes(), res.getHeaders()));
    }

    /** Sends one file as the multipart part {@code part}, with POST or PUT. */
    public Answer upload(org.springframework.http.HttpMethod method, String path, String part, FilePart file) {
        LinkedMultiValueMap<String, HttpEntity<?>> body = new LinkedMultiValueMap<>();
        addFile(body, part, file);
        return http.method(method)
                .uri(path)
                .header("Authorization", "Bearer " + token)
                .header("Accept-Language", language)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(body)
                .exchange((req, res) ->
                        answer(res.getStatusCode().value(), res.getBody().readAllBytes(), res.getHeaders()));
    }

    private static void addFile(LinkedMultiValueMap<String, HttpEntity<?>> body, String part, FilePart file) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(file.contentType()));
        headers.setContentDispositionFormData(part, file.name());
        body.add(
                part,
                new HttpEntity<>(
                        new ByteArrayResource(file.content()) {
                            @Override
                            public String getFilename() {
                                return file.name();
                            }
                        },
                        headers));
    }

    private static Answer answer(int status, byte[] bytes, HttpHeaders headers) {
        return new Answer(
                status, new String(bytes, StandardCharsets.UTF_8), bytes, HttpHeaders.readOnlyHttpHeaders(headers));
    }
}
