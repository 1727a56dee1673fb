package org.nashir.comment;

import org.nashir.arabic.CleanText;
import org.nashir.web.Input;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The comment form as submitted, cleaned by {@link CleanText} (line endings to LF, controls that no page or feed can
 * hold dropped, ends trimmed). Checks return field → message key; nothing is cut to fit: what is stored is exactly
 * what was accepted.
 */
public record CommentForm(String name, String email, String body, String parentId, String token, String website) {
    public static final int NAME_MAX = 80, EMAIL_MAX = 254, BODY_MAX = 3_000;

    public static CommentForm from(Context ctx) {
        return new CommentForm(CleanText.line(p(ctx, "name")), CleanText.line(p(ctx, "email")), CleanText.lines(p(ctx, "comment")),
            p(ctx, "parent_id"), p(ctx, "token"), p(ctx, "website"));
    }

    private static String p(Context ctx, String field) {
        String v = ctx.formParam(field);
        return v == null ? "" : v;
    }

    public Map<String, String> check() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (name.isBlank()) errors.put("name", "comment.error.name");
        else if (name.codePointCount(0, name.length()) > NAME_MAX) errors.put("name", "comment.error.name-long");
        if (email.isBlank()) errors.put("email", "comment.error.email");
        else if (email.length() > EMAIL_MAX || !email.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) errors.put("email", "comment.error.email-invalid");
        if (body.isBlank()) errors.put("comment", "comment.error.body");
        else if (body.codePointCount(0, body.length()) > BODY_MAX) errors.put("comment", "comment.error.body-long");
        if (!parentId.isEmpty() && !Input.isId(parentId)) errors.put("comment", "comment.error.parent");
        return errors;
    }
}
