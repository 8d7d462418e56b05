package cn.streetgov.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A small HTTP client for tests against the running application: HTTP Basic as a demo user, or a
 * webapp session logged in the way Tasklist does it (XSRF cookie + header).
 */
public final class Http {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final String authorization;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;
    private String xsrfToken;

    private Http(int port, String user, String password) {
        this.base = "http://localhost:" + port;
        this.authorization = user == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    public static Http anonymous(int port) {
        return new Http(port, null, null);
    }

    /** HTTP Basic with the demo password. */
    public static Http as(int port, String user) {
        return new Http(port, user, "demo");
    }

    public static Http as(int port, String user, String password) {
        return new Http(port, user, password);
    }

    /** A webapp session: fetches the XSRF cookie, logs in to the app and takes the new session's token, as Tasklist does. */
    public static Http webappLogin(int port, String user, String app) {
        Http http = anonymous(port);
        http.get("/camunda/app/" + app + "/");
        http.xsrfToken = http.cookie("XSRF-TOKEN");
        Response login = http.postForm("/camunda/api/admin/auth/user/default/login/" + app,
                Map.of("username", user, "password", "demo"));
        if (login.status() != 200) {
            throw new IllegalStateException("webapp login failed: " + login);
        }
        // the login starts a new session: take its token as Tasklist does, with the next GET
        return http.refreshXsrfToken();
    }

    /**
     * Takes the session's current XSRF token, as Tasklist does after its login: the login starts a new
     * session, whose token Camunda issues on the next GET ({@link #webappLogin} calls it). A failed
     * token check ends the session.
     */
    public Http refreshXsrfToken() {
        Response response = get("/camunda/api/engine/engine/");
        String token = response.header("X-XSRF-TOKEN");
        xsrfToken = token != null ? token : cookie("XSRF-TOKEN");
        return this;
    }

    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    public void setXsrfToken(String token) {
        this.xsrfToken = token;
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    /** Any method with these bytes as the body (declared length; none if null) and this Content-Type (none if null). */
    public Response sendBytes(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder builder = request(path).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        return send(contentType == null ? builder : builder.header("Content-Type", contentType));
    }

    /** As {@link #sendBytes}, but chunked: the body's length is not declared. */
    public Response sendChunked(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder builder = request(path).method(method,
                HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)));
        return send(contentType == null ? builder : builder.header("Content-Type", contentType));
    }

    public record Response(int status, String body, java.net.http.HttpHeaders headers) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response postJson(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(toJson(body))));
    }

    /** A JSON POST with extra request headers (e.g. an Idempotency-Key). */
    public Response postJson(String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder builder = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(toJson(body)));
        headers.forEach(builder::header);
        return send(builder);
    }

    public Response putJson(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(toJson(body))));
    }

    public Response postForm(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response postMultipart(String path, String fieldName, String fileName, String content) {
        String boundary = "----streetgov" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nprobe\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fieldName + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A multipart/form-data POST of text fields and one file, as a browser's FormData sends it. */
    public Response postMultipart(String path, Map<String, String> fields, String fileField, String fileName,
            String fileContentType, byte[] content) {
        String boundary = "----streetgov" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        StringBuilder head = new StringBuilder();
        fields.forEach((name, value) -> head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                .append(name).append("\"\r\n\r\n").append(value).append("\r\n"));
        if (fileField != null) {
            head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(fileField)
                    .append("\"; filename=\"").append(fileName).append("\"\r\nContent-Type: ").append(fileContentType)
                    .append("\r\n\r\n");
        }
        body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        if (fileField != null) {
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** GET answering the body's bytes (a download). */
    public HttpResponse<byte[]> download(String path) {
        try {
            return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json, */*");
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        if (xsrfToken != null) {
            builder.header("X-XSRF-TOKEN", xsrfToken);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = client.send(builder.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String toJson(Object body) {
        try {
            return body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
