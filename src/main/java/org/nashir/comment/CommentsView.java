package org.nashir.comment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The comments part of an article page: approved comments with their replies, the count in words, and the form
 * with what the reader typed and what was wrong (empty on the cached page).
 */
public record CommentsView(List<Thread> threads, long count, String countText, boolean closed, FormState form) {
    /** A comment and its replies (one level). */
    public record Thread(Comment comment, List<Comment> replies) {}

    /** The form as the reader left it: values, errors by field (Arabic messages), a notice, the comment replied to. */
    public record FormState(String name, String email, String body, String parentId, Map<String, String> errors, String notice) {
        public static final FormState EMPTY = new FormState("", "", "", "", Map.of(), null);

        public String error(String field) {
            return errors.get(field);
        }
    }

    public static List<Thread> threads(List<Comment> approved) {
        List<Thread> out = new ArrayList<>();
        for (Comment c : approved) {
            if (c.parentId() != null) continue;
            List<Comment> replies = approved.stream().filter(r -> c.id() == (r.parentId() == null ? -1 : r.parentId())).toList();
            out.add(new Thread(c, replies));
        }
        return out;
    }
}
