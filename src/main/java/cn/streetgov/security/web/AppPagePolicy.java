package cn.streetgov.security.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The Content-Security-Policy of our own pages under /app (e.g. the assessment results page): scripts
 * only from the application itself ({@code /_static/...}) plus the inline scripts that ship with the
 * pages, allowed by their SHA-256 hash. The hashes are computed once, at start-up, from the HTML files
 * one folder deep in the application's own resources ({@code <feature>/<page>.html}), never from what
 * a response contains: an injected script has no allowed hash. Styles may be inline (the pages and
 * ECharts' tooltips use style attributes); nothing may frame the pages.
 */
final class AppPagePolicy {

    private static final Logger log = LoggerFactory.getLogger(AppPagePolicy.class);
    /** An inline script: a script element without a src attribute. */
    private static final Pattern INLINE_SCRIPT =
            Pattern.compile("<script(\\s[^>]*)?>(.*?)</script\\s*>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern SRC = Pattern.compile("\\ssrc\\s*=", Pattern.CASE_INSENSITIVE);

    private final String policy;

    private AppPagePolicy(Set<String> scriptHashes) {
        StringBuilder scripts = new StringBuilder("script-src 'self'");
        scriptHashes.forEach(hash -> scripts.append(" 'sha256-").append(hash).append('\''));
        this.policy = "default-src 'self'; " + scripts + "; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    String policy() {
        return policy;
    }

    /** From the pages in the resources of the application's own code (not of the libraries). */
    static AppPagePolicy fromOwnPages() {
        Set<String> hashes = new TreeSet<>();
        String marker = AppPagePolicy.class.getName().replace('.', '/') + ".class";
        URL markerUrl = AppPagePolicy.class.getClassLoader().getResource(marker);
        try {
            if (markerUrl == null) {
                throw new IOException("own classes not found");
            }
            String root = markerUrl.toString().substring(0, markerUrl.toString().length() - marker.length());
            Resource[] pages = new PathMatchingResourcePatternResolver().getResources(root + "*/*.html");
            for (Resource page : pages) {
                try (InputStream in = page.getInputStream()) {
                    hashes.addAll(inlineScriptHashes(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
            log.debug("CSP of /app: {} inline scripts in {} pages", hashes.size(), pages.length);
        } catch (IOException e) {
            log.warn("无法读取 /app 页面以计算内联脚本的哈希，页面内联脚本将被浏览器拦截", e);
        }
        return new AppPagePolicy(hashes);
    }

    static Set<String> inlineScriptHashes(String html) {
        Set<String> hashes = new TreeSet<>();
        Matcher m = INLINE_SCRIPT.matcher(html);
        while (m.find()) {
            if (m.group(1) != null && SRC.matcher(m.group(1)).find()) {
                continue;
            }
            hashes.add(sha256(m.group(2)));
        }
        return hashes;
    }

    private static String sha256(String script) {
        try {
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
