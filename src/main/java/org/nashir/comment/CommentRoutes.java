package org.nashir.comment;

import org.nashir.web.Input;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.nashir.web.NotFound;
import org.nashir.web.RateLimit;
import org.nashir.web.Site;
import org.nashir.web.TooManyRequests;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.LongPredicate;

/**
 * Readers' comments: the small uncached token request, and the form's POST. The form is re-shown with its
 * errors (422, the reader's text kept) or the reader is sent back to the article with "awaits moderation".
 */
public final class CommentRoutes {
    private final CommentStore comments;
    private final SpamGuard spam;
    private final RateLimit perAddress;
    private final RateLimit perArticle;
    private final LongPredicate articleVisible;
    private final BiFunction<Long, CommentsView.FormState, byte[]> articlePage;
    private final Site site;
    private final int trustAfter;

    /** {@code articlePage} renders an article with a given form state (the article feature owns that page). */
    public CommentRoutes(CommentStore comments, SpamGuard spam, RateLimit perAddress, RateLimit perArticle, LongPredicate articleVisible,
                         BiFunction<Long, CommentsView.FormState, byte[]> articlePage, Site site, int trustAfter) {
        this.trustAfter = trustAfter;
        this.comments = comments;
        this.spam = spam;
        this.perAddress = perAddress;
        this.perArticle = perArticle;
        this.articleVisible = articleVisible;
        this.articlePage = articlePage;
        this.site = site;
    }

    /** {@code GET /comments/token?article=ID}: never cached, so the article page can be. */
    public void token(Context ctx) {
        String raw = ctx.queryParam("article");
        if (raw == null || !Input.isId(raw) || !articleVisible.test(Input.id(raw))) {
            throw new NotFound("token for unknown article " + raw, "error.article-not-found");
        }
        ctx.header("Cache-Control", "no-store").json(Map.of("token", spam.token(Input.id(raw))));
    }

    public void submit(Context ctx) {
        String raw = ctx.pathParam("id");
        if (!Input.isId(raw) || !articleVisible.test(Input.id(raw))) throw new NotFound("comment on unknown article " + raw, "error.article-not-found");
        long articleId = Input.id(raw);
        CommentForm f = CommentForm.from(ctx);
        if (comments.areClosed(articleId)) {
            reshow(ctx, articleId, f, Map.of("comment", site.messages().get("comment.error.closed")), 422);
            return;
        }
        if (!perAddress.allow(ctx.ip()) || !perArticle.allow("article:" + articleId)) {
            ctx.header("Retry-After", Long.toString(perAddress.retryAfterSeconds()));
            // A small page with the comment given back, not the article page again: under a comment flood nearly
            // every post is refused here, and rendering the article (related stories, comments, structured data)
            // for each took a sixth of the server's time while readers waited (bench/flood.sh, JFR).
            throw new TooManyRequests("comment over the limit from " + ctx.ip(), "comment.error.rate", "/article/" + articleId + "#comments");
        }
        Map<String, String> errors = new HashMap<>();
        f.check().forEach((field, key) -> errors.put(field, site.messages().get(key,
            site.fmt().number(field.equals("name") ? CommentForm.NAME_MAX : field.equals("email") ? CommentForm.EMAIL_MAX : CommentForm.BODY_MAX))));
        Long parentId = Input.isId(f.parentId()) ? Input.id(f.parentId()) : null;
        if (errors.isEmpty() && parentId != null && comments.find(parentId).filter(c -> c.articleId() == articleId && c.parentId() == null
            && c.status().equals(Comment.APPROVED)).isEmpty()) {
            errors.put("comment", site.messages().get("comment.error.parent"));
        }
        if (!errors.isEmpty()) {
            reshow(ctx, articleId, f, errors, 422);
            return;
        }
        String ipHash = spam.hash(ctx.ip()), emailHash = spam.hash(f.email());
        SpamGuard.Verdict v = spam.judge(articleId, f, ipHash, emailHash);
        if (v.outcome().equals("reject")) {
            reshow(ctx, articleId, f, Map.of("comment", site.messages().get("comment.reject." + v.reason())), 422);
            return;
        }
        String status = v.outcome().equals("spam") ? Comment.SPAM
            : trustAfter > 0 && v.reason().equals("moderation") && comments.approvedBy(emailHash) >= trustAfter ? Comment.APPROVED : Comment.PENDING;
        comments.insert(articleId, parentId, f, status, v.reason(), ipHash, emailHash, SpamGuard.bodyHash(f.body()));
        if (status.equals(Comment.APPROVED)) {
            ctx.redirect("/article/" + articleId + "#comments", HttpStatus.SEE_OTHER);
            return;
        }
        // Spam is answered like any held comment: nothing tells a bot which rule caught it.
        ctx.redirect("/article/" + articleId + "?comment=pending#comments", HttpStatus.SEE_OTHER);
    }

    private void reshow(Context ctx, long articleId, CommentForm f, Map<String, String> errors, int status) {
        CommentsView.FormState state = new CommentsView.FormState(f.name(), f.email(), f.body(), f.parentId(), errors, null);
        ctx.status(status).header("Cache-Control", "no-store").contentType("text/html; charset=utf-8").result(articlePage.apply(articleId, state));
    }
}
