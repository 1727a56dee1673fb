package org.nashir.web;

import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a person sent in a form that could not be saved, given back on the error page so nothing they wrote is lost: a
 * form posting the same fields to the same address, the text fields shown (and editable) so they can be copied or sent
 * again once the site can save. Secrets are never echoed: passwords and one-time codes are left out (the person types
 * them again), and so are uploaded files, which the page says.
 *
 * @param action where the form was sent
 * @param fields the fields, in the order sent
 * @param filesLeftOut whether the form carried files that cannot be given back
 * @param resend whether the form can be sent again as it is (false when its token is no longer good: the text is
 *               shown to be copied)
 * @param explain the message key of what the page says to do with it
 * @param back where the person goes to send it again, or null
 */
public record KeptForm(String action, List<Field> fields, boolean filesLeftOut, boolean resend, String explain, String back) {
    /** One field: shown as a text box when it holds words, else carried hidden. */
    public record Field(String name, String value, boolean shown, String label) {}

    private static final Set<String> SECRET = Set.of("password", "current_password", "new_password", "password_again", "code", "totp", "recovery_code", "token", "secret");

    /** The form of this request, or null when there is none worth giving back (not a form POST, the API, no text). */
    static KeptForm of(Context ctx, Messages messages) {
        return of(ctx, messages, true);
    }

    /**
     * The text of a form refused because its session ended or its token is stale, to be copied: sending it again
     * as it is would be refused the same way.
     */
    static KeptForm toCopy(Context ctx, Messages messages) {
        KeptForm k = of(ctx, messages, false);
        if (k == null) return null;
        List<Field> shown = k.fields().stream().filter(Field::shown).toList();
        return shown.isEmpty() ? null : new KeptForm(k.action(), shown, k.filesLeftOut(), false, "kept.copy", null);
    }

    /**
     * The text of a form refused for now (a reader over the comment limit), to be copied and sent again later from
     * {@code back}.
     */
    static KeptForm toSendLater(Context ctx, Messages messages, String back) {
        KeptForm k = toCopy(ctx, messages);
        return k == null ? null : new KeptForm(k.action(), k.fields(), k.filesLeftOut(), false, "kept.later", back);
    }

    private static KeptForm of(Context ctx, Messages messages, boolean resend) {
        if (!ctx.method().name().equals("POST") || ctx.path().startsWith("/api/")) return null;
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(java.util.Locale.ROOT);
        boolean multipart = type.startsWith("multipart/form-data");
        if (!multipart && !type.startsWith("application/x-www-form-urlencoded")) return null;
        Map<String, List<String>> sent;
        boolean files = false;
        try {
            sent = ctx.formParamMap();
            if (multipart) files = !ctx.uploadedFileMap().isEmpty();
        } catch (RuntimeException unreadable) {
            return null;
        }
        List<Field> fields = new ArrayList<>();
        boolean anyShown = false;
        for (var e : sent.entrySet()) {
            String name = e.getKey();
            if (SECRET.contains(name.toLowerCase(java.util.Locale.ROOT)) || name.toLowerCase(java.util.Locale.ROOT).contains("password")) continue;
            for (String value : e.getValue()) {
                boolean shown = !name.startsWith("_") && value.codePoints().anyMatch(Character::isLetter);
                String label = shown ? messages.has("kept.field." + name) ? messages.get("kept.field." + name) : messages.get("kept.field.other") : "";
                fields.add(new Field(name, value, shown, label));
                anyShown |= shown;
            }
        }
        return anyShown || files ? new KeptForm(ctx.path(), fields, files, resend, resend ? "kept.explain" : "kept.copy", null) : null;
    }
}
