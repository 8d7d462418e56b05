package cn.streetgov.security.web;

import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts {@link ChineseErrorReportValve} on the host in place of the {@link ErrorReportValve} that
 * Tomcat or Spring Boot would install, once every customizer has run (just before the context starts).
 */
@Configuration
class TomcatErrorReportConfig {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> chineseErrorReport() {
        return factory -> {
            // TRACE reaches the host's valve, which refuses it with a Chinese body (Tomcat's own refusal has none)
            factory.addConnectorCustomizers(connector -> connector.setAllowTrace(true));
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(ChineseErrorReportValve.class.getName());
                }
                context.addLifecycleListener(event -> {
                    if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                        replaceOn(context.getParent());
                    }
                });
            });
        };
    }

    static void replaceOn(Container host) {
        if (host == null) {
            return;
        }
        Pipeline pipeline = host.getPipeline();
        boolean ours = false;
        for (Valve valve : pipeline.getValves()) {
            if (valve instanceof ChineseErrorReportValve) {
                ours = true;
            } else if (valve instanceof ErrorReportValve) {
                pipeline.removeValve(valve);
            }
        }
        if (!ours) {
            pipeline.addValve(new ChineseErrorReportValve());
        }
    }
}
