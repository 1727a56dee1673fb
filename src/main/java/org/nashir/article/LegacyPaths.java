package org.nashir.article;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The form in which an old address is stored and looked up: percent-decoded, without a trailing slash, and with
 * only the query parameters that name a post ({@code /?p=123}). Readers arrive with old links in every spelling
 * (encoded or not, with or without the slash); all of them must land on the same row.
 */
public final class LegacyPaths {
    private static final Pattern POST_PARAM = Pattern.compile("(?:^|&)(p|page_id)=([0-9]{1,18})(?:&|$)");

    private LegacyPaths() {}

    /** The key of a request path and its query string (either may be null). */
    public static String key(String path, String query) {
        String p = path == null || path.isEmpty() ? "/" : decode(path);
        while (p.length() > 1 && p.endsWith("/")) p = p.substring(0, p.length() - 1);
        if (query != null) {
            Matcher m = POST_PARAM.matcher(query);
            if (m.find()) return p + "?" + m.group(1) + "=" + m.group(2);
        }
        return p;
    }

    /** The key of an absolute or site-relative link, or null when it is not a URL. */
    public static String keyOfLink(String link) {
        if (link == null || link.isBlank()) return null;
        try {
            URI u = URI.create(link.strip());
            return key(u.getRawPath(), u.getRawQuery());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
