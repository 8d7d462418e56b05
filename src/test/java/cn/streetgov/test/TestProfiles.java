package cn.streetgov.test;

import java.util.Locale;
import org.springframework.test.context.ActiveProfilesResolver;

/**
 * Profiles of the Spring integration tests: "test", plus "mariadb" when Maven runs with
 * -Pmariadb (system property test.db=mariadb; DB_URL/DB_USER/DB_PASSWORD name the server).
 */
public class TestProfiles implements ActiveProfilesResolver {

    public static boolean onMariaDb() {
        return "mariadb".equals(System.getProperty("test.db", "h2").toLowerCase(Locale.ROOT));
    }

    @Override
    public String[] resolve(Class<?> testClass) {
        return onMariaDb() ? new String[] {"test", "mariadb"} : new String[] {"test"};
    }
}
