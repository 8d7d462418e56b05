package cn.streetgov.casework;

import java.time.DateTimeException;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;

/** Applies {@code app.zone} to {@link CaseClock} before any workflow bean reads the time. */
@Configuration(proxyBeanMethods = false)
class CaseworkConfiguration {

    CaseworkConfiguration(@Value("${app.zone:Asia/Shanghai}") String zone) {
        try {
            CaseClock.useZone(ZoneId.of(zone));
        } catch (DateTimeException e) {
            throw new IllegalStateException("app.zone 不是有效的时区: " + zone, e);
        }
    }
}
