package cn.streetgov.bench;

import cn.streetgov.test.TestProfiles;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The bare baseline: Spring Boot with Camunda 7.24's engine and REST starters and their default
 * settings (no security, no plugins of ours, no listeners, no delegates), started in the benchmark's
 * JVM on a port of its own and a database of its own on the same server as ours. Its engine is named
 * {@value #ENGINE} (ours is "default"), so that both REST APIs find their own engine:
 * {@code /engine-rest/engine/bare/...}. Not a Spring component (nothing scans it into our context):
 * only {@link #start} uses it, as the primary source of its own application.
 */
@EnableAutoConfiguration
final class BareCamundaServer {

    static final String ENGINE = "bare";

    private BareCamundaServer() {
    }

    /** A running bare server: its context, port and engine, and the counter of the SQL it sends. */
    record Running(ConfigurableApplicationContext context, int port, ProcessEngine engine, StatementCounter sql)
            implements AutoCloseable {
        @Override
        public void close() {
            context.close();
        }
    }

    static Running start(String url, String user, String password) {
        Map<String, Object> properties = new LinkedHashMap<>();
        // none of our configuration files: the bare server has Camunda's defaults only
        properties.put("spring.config.name", "bench-bare-has-no-configuration-file");
        properties.put("spring.main.banner-mode", "off");
        properties.put("server.port", "0");
        properties.put("spring.datasource.url", url);
        properties.put("spring.datasource.username", user);
        properties.put("spring.datasource.password", password);
        properties.put("spring.datasource.hikari.pool-name", "bare");
        properties.put("spring.flyway.enabled", "false");
        properties.put("camunda.bpm.process-engine-name", ENGINE);
        properties.put("camunda.bpm.auto-deployment-enabled", "false");
        properties.put("camunda.bpm.database.schema-update", "true");
        if (TestProfiles.onMariaDb()) {
            // what any Camunda 7 installation on MariaDB needs (CAMUNDA-NOTES): not a tuning
            properties.put("spring.datasource.hikari.transaction-isolation", "TRANSACTION_READ_COMMITTED");
            properties.put("camunda.bpm.database.type", "mysql");
        }
        StatementCounter sql = new StatementCounter();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(BareCamundaServer.class)
                .web(WebApplicationType.SERVLET)
                .properties(properties)
                .initializers(c -> c.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
                    @Override
                    public Object postProcessAfterInitialization(Object bean, String name) {
                        return bean instanceof DataSource ds && "dataSource".equals(name) ? sql.wrap(ds) : bean;
                    }
                }))
                .run();
        int port = ((ServletWebServerApplicationContext) context).getWebServer().getPort();
        ProcessEngine engine = context.getBean(ProcessEngine.class);
        engine.getRepositoryService().createDeployment().name("bench-bare")
                .addClasspathResource("bench/bare-power-delegation.bpmn").addClasspathResource("bench/bare-whistle-dispatch.bpmn")
                .addClasspathResource("bench/bare-cadre-consultation.bpmn")
                .enableDuplicateFiltering(true).deploy();
        return new Running(context, port, engine, sql);
    }
}
