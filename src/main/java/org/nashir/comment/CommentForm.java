package org.nashir.comment;

import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The comment form as submitted. Checks return field → message key; nothing is trimmed or cut to fit: what is
 * stored is exactly what was accepted (line endings normalised to LF, as every browser sends them differently).
 */
public record CommentForm(String name, String email, String body, String parentId, String token, String website) {
    public static final int NAME_MAX = 80, EMAIL_MAX = 254, BODY_MAX = 3_000;

    public static CommentForm from(Context ctx) {
        return new CommentForm(p(ctx, "name"), p(ctx, "email"), p(ctx, "comment"), p(ctx, "parent_id"), p(ctx, "token"), p(ctx, "website"));
    }

    private static String p(Context ctx, String field) {
        String v = ctx.formParam(field);
        return v == null ? "" : v.replace("\r\n", "\n").replace('\r', '\n');
    }

    public Map<String, String> check() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (name.isBlank()) errors.put("name", "comment.error.name");
        else if (name.codePointCount(0, name.length()) > NAME_MAX) errors.put("name", "comment.error.name-long");
        if (email.isBlank()) errors.put("email", "comment.error.email");
        else if (email.length() > EMAIL_MAX || !email.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) errors.put("email", "comment.error.email-invalid");
        if (body.isBlank()) errors.put("comment", "comment.error.body");
        else if (body.codePointCount(0, body.length()) > BODY_MAX) errors.put("comment", "comment.error.body-long");
        if (!parentId.isEmpty() && !parentId.matches("[0-9]{1,18}")) errors.put("comment", "comment.error.parent");
        return errors;
    }
}
