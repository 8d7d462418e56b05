package cn.streetgov.security.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.web.util.HtmlUtils;

/**
 * The refusals of our pages under /app for a browser: a person who may not open a page (not logged
 * in, not allowed, no such page) reads a short Chinese HTML page with the reason and where to go,
 * not the JSON the APIs answer. Only for a GET or HEAD of /app whose Accept names {@code text/html}
 * (what browsers send when they open a page); /api and every other client keep their JSON.
 */
final class HtmlErrorPage {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HtmlErrorPage() {
    }

    /** Whether the request is a browser opening one of our pages. */
    static boolean wanted(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!(path.equals("/app") || path.startsWith("/app/"))) {
            return false;
        }
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            return false;
        }
        String accept = request.getHeader("Accept");
        if (accept == null) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream()
                    .anyMatch(type -> type.getQualityValue() > 0 && type.isCompatibleWith(MediaType.TEXT_HTML)
                            && !type.isWildcardType());
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The {@code message} of a JSON error body, or null. */
    static String messageOf(byte[] body) {
        try {
            JsonNode json = JSON.readTree(body);
            return json != null && json.path("message").isTextual() ? json.path("message").asText() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Writes the page for {@code status} with the refusal's reason (HTML-escaped). */
    static void write(HttpServletResponse response, int status, String reason) throws IOException {
        byte[] page = page(status, reason).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLengthLong(page.length);
        response.getOutputStream().write(page);
        response.getOutputStream().flush();
    }

    static String page(int status, String reason) {
        String title = switch (status) {
            case HttpServletResponse.SC_UNAUTHORIZED -> "请先登录";
            case HttpServletResponse.SC_FORBIDDEN -> "无权访问";
            case HttpServletResponse.SC_NOT_FOUND -> "页面不存在";
            case 429 -> "请求过于频繁";
            default -> "无法打开页面";
        };
        String text = reason != null && !reason.isBlank() ? reason : switch (status) {
            case HttpServletResponse.SC_UNAUTHORIZED -> "请先登录后再打开本页面。";
            case HttpServletResponse.SC_FORBIDDEN -> "您没有查看本页面的权限。";
            case HttpServletResponse.SC_NOT_FOUND -> "您要打开的页面不存在，请检查地址。";
            default -> "请求无法完成，请稍后重试。";
        };
        String next = status == HttpServletResponse.SC_UNAUTHORIZED
                ? "<a class=\"button\" href=\"/camunda/app/tasklist/\">登录任务列表</a>，登录后再打开本页面。"
                : "<a class=\"button\" href=\"/camunda/app/tasklist/\">返回任务列表</a>";
        return """
                <!doctype html>
                <html lang="zh-CN">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>%1$s · 街道治理协同平台</title>
                  <style>
                    body { font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; margin: 0; color: #222; background: #f5f6f8; }
                    header { background: #b5152b; color: #fff; padding: 12px 24px; }
                    header h1 { font-size: 20px; margin: 0; font-weight: 600; }
                    main { padding: 24px; max-width: 720px; }
                    .card { background: #fff; border-radius: 6px; box-shadow: 0 1px 3px rgba(0,0,0,.12); padding: 16px 20px; }
                    h2 { font-size: 18px; margin: 0 0 8px; }
                    .button { color: #b5152b; }
                  </style>
                </head>
                <body>
                <header><h1>街道治理协同平台</h1></header>
                <main>
                  <section class="card">
                    <h2>%1$s</h2>
                    <p id="reason">%2$s</p>
                    <p>%3$s</p>
                  </section>
                </main>
                </body>
                </html>
                """.formatted(title, HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name()), next);
    }
}
