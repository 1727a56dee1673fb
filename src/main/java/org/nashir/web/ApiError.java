package org.nashir.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every refusal of the JSON API: HTTP status, a stable code clients branch on, the Arabic message for people,
 * the English one for developers' logs, and any details (the fields at fault). The server turns it into
 * {@code {"error": {"code", "message", "message_en", …details}}} in one place.
 */
public final class ApiError extends RuntimeException {
    private final int status;
    private final String code;
    private final String arabic;
    private final Map<String, Object> details;

    public ApiError(int status, String code, String english, String arabic, Map<String, Object> details) {
        super(english, null, false, false);
        this.status = status;
        this.code = code;
        this.arabic = arabic;
        this.details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public ApiError(int status, String code, String english, String arabic) {
        this(status, code, english, arabic, Map.of());
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The JSON body: code, Arabic message, English message, then the details in their own order. */
    public Map<String, Object> body() {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", arabic);
        error.put("message_en", getMessage());
        error.putAll(details);
        return Map.of("error", error);
    }
}
