package cn.streetgov.security.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's error report for what it refuses before the application sees it — an address with an
 * encoded slash or a NUL, a request line or headers over the limit, a TRACE — and for any error
 * answer that has no body: a small JSON body with a Chinese reason, instead of Tomcat's English
 * HTML page. Installed on the host in place of Spring Boot's {@link ErrorReportValve}
 * ({@link TomcatErrorReportConfig}).
 */
public class ChineseErrorReportValve extends ErrorReportValve {

    public ChineseErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    /**
     * TRACE is refused here, before any filter or servlet (it would echo the request's headers,
     * credentials included): the connector lets it through ({@link TomcatErrorReportConfig}) only
     * so that the refusal has a Chinese body.
     */
    @Override
    public void invoke(Request request, Response response) throws IOException, jakarta.servlet.ServletException {
        // a request Tomcat has already refused (a bad address) keeps that refusal: its answer is suspended
        if ("TRACE".equalsIgnoreCase(request.getMethod()) && !response.isError()) {
            response.setStatus(405);
            response.setHeader("Allow", "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"status\":405,\"type\":\"InvalidRequestException\",\"message\":\""
                    + reason(405) + "\"}");
            response.finishResponse();
            return;
        }
        super.invoke(request, response);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        String message = reason(status);
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"status\":" + status + ",\"type\":\"" + (status >= 500 ? "ServerError" : "InvalidRequestException")
                        + "\",\"message\":\"" + message + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the answer already started: nothing more to say
        }
    }

    static String reason(int status) {
        return switch (status) {
            case 400 -> "请求无效：地址、参数或请求头不符合要求（例如含有不允许的字符、编码错误或过长）";
            case 401 -> "请先登录";
            case 403 -> "无权访问";
            case 404 -> "未找到请求的地址";
            case 405 -> "不支持的请求方法";
            case 408 -> "请求超时，请重试";
            case 413 -> "请求内容过大";
            case 414 -> "请求地址过长";
            case 431 -> "请求头过大";
            default -> status >= 500 ? "服务器内部错误，请稍后重试或联系管理员" : "请求无效（HTTP " + status + "）";
        };
    }
}
