package cn.streetgov.reliability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A MariaDB database of one fault test, created empty and dropped at the end: server, user and
 * password from {@code reliability.db.host/port/user/password} (defaults 127.0.0.1, 3306, root, empty,
 * or DB_USER/DB_PASSWORD), name {@code sg_crash_<test>_<random>}.
 */
final class TestDatabase implements AutoCloseable {

    static final String HOST = System.getProperty("reliability.db.host", "127.0.0.1");
    static final int PORT = Integer.getInteger("reliability.db.port", 3306);
    static final String USER = System.getProperty("reliability.db.user", env("DB_USER", "root"));
    static final String PASSWORD = System.getProperty("reliability.db.password", env("DB_PASSWORD", ""));

    final String name;

    private TestDatabase(String name) {
        this.name = name;
    }

    static TestDatabase create(String test) throws SQLException {
        String name = "sg_crash_" + test + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xFFFFFF));
        try (Connection c = DriverManager.getConnection(serverUrl(), USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("create database " + name + " character set utf8mb4 collate utf8mb4_unicode_ci");
        }
        return new TestDatabase(name);
    }

    private static String serverUrl() {
        return "jdbc:mariadb://" + HOST + ":" + PORT + "/";
    }

    /** The JDBC URL the application gets (DB_URL), through another host and port, e.g. a proxy. */
    String applicationUrl(String host, int port) {
        return "jdbc:mariadb://" + host + ":" + port + "/" + name + "?useMysqlMetadata=true&nullDatabaseMeansCurrent=true";
    }

    String applicationUrl() {
        return applicationUrl(HOST, PORT);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(serverUrl() + name, USER, PASSWORD);
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = DriverManager.getConnection(serverUrl(), USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
