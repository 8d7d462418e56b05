package cn.streetgov.security.web;

import com.fasterxml.jackson.core.StreamReadConstraints;
import jakarta.servlet.Filter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * Web hardening for every path of the application: security headers (a Tomcat valve, then a
 * filter), error bodies without internals, request size limits (these three filters run before the
 * others, in this order), and the JSON nesting limit of /api. Settings: {@code app.security.*} in application.yaml.
 */
@Configuration
class WebHardeningConfig {

    @Bean
    SecurityHeadersFilter securityHeaders(
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath,
            @Value("${app.security.hsts:max-age=31536000}") String hsts) {
        return new SecurityHeadersFilter(webappPath, AppPagePolicy.fromOwnPages(), hsts);
    }

    /** The headers are set in Tomcat's pipeline before any filter, so every answer carries them. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> securityHeadersValve(SecurityHeadersFilter headers) {
        return factory -> factory.addContextValves(new SecurityHeadersValve(headers));
    }

    /** The filter puts them back after a reset and marks cookies Secure over TLS. */
    @Bean
    FilterRegistrationBean<Filter> securityHeadersFilter(SecurityHeadersFilter headers) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(headers);
        registration.setName("security-headers");
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<Filter> errorResponseFilter() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ErrorResponseFilter());
        registration.setName("error-response");
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<Filter> requestSizeLimitFilter(
            @Value("${app.security.max-body-size:1MB}") DataSize maxBodySize,
            @Value("${app.security.max-deployment-size:10MB}") DataSize maxDeploymentSize,
            @Value("${app.attachments.max-size:10MB}") DataSize maxAttachmentSize) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new RequestSizeLimitFilter(
                maxBodySize.toBytes(), maxDeploymentSize.toBytes(), maxAttachmentSize.toBytes()));
        registration.setName("request-size-limit");
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /** JSON read by Spring MVC (/api) may nest this deep at most; deeper is a 400. */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer jsonNestingDepthLimit(@Value("${app.security.max-json-depth:40}") int depth) {
        return builder -> builder.postConfigurer(mapper -> mapper.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(depth).build()));
    }
}
