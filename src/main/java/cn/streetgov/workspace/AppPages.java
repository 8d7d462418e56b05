package cn.streetgov.workspace;

import cn.streetgov.common.BusinessException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Our pages under /app as a person opens them: an HTML page of the resources, or — when the person may
 * not see it — a short Chinese HTML page saying why (never the JSON an API answers with).
 */
final class AppPages {

    private AppPages() {
    }

    static ResponseEntity<String> resource(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return html(HttpStatus.OK, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ResponseEntity<String> html(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Cache-Control", "no-store").body(body);
    }

    /** The refusal as a page: its status, its Chinese reason, the way back to Tasklist. */
    static ResponseEntity<String> refusal(BusinessException e) {
        HttpStatus status = HttpStatus.valueOf(e.getStatus());
        String title = switch (e.getStatus()) {
            case 403 -> "无权查看";
            case 404 -> "未找到";
            default -> "请求无效";
        };
        return html(status, """
                <!doctype html>
                <html lang="zh-CN">
                <head><meta charset="utf-8"><title>%s · 街道治理协同平台</title>
                <style>
                  body { font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; margin: 0; color: #222; background: #f5f6f8; }
                  main { max-width: 640px; margin: 80px auto; background: #fff; padding: 24px 32px; border-radius: 6px; box-shadow: 0 1px 3px rgba(0,0,0,.12); }
                  h1 { font-size: 20px; color: #b5152b; margin-top: 0; }
                </style></head>
                <body><main class="sg-refusal">
                <h1>%s</h1>
                <p class="sg-refusal-reason">%s</p>
                <p><a href="/camunda/app/tasklist/">返回任务列表</a></p>
                </main></body>
                </html>
                """.formatted(title, title, escape(e.getMessage())));
    }

    /** Text as HTML element content or attribute value. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
