package org.nashir.comment;

import org.nashir.web.Input;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.nashir.account.AdminFrame;
import org.nashir.web.NotFound;
import org.nashir.web.Site;
import org.nashir.web.Templates;

import java.util.List;
import java.util.Optional;

/** The moderation queue: approve, mark as spam or delete one or many, edit, ban, search; close an article's comments. */
public final class ModerationRoutes {
    public record QueuePage(AdminFrame frame, String status, String q, List<CommentStore.Queued> items, long pending, String error) {}

    private final CommentStore comments;
    private final Site site;
    private final Templates templates;

    public ModerationRoutes(CommentStore comments, Site site, Templates templates) {
        this.comments = comments;
        this.site = site;
        this.templates = templates;
    }

    public void queue(Context ctx) {
        render(ctx, 200, null);
    }

    private void render(Context ctx, int code, String error) {
        String status = Comment.SPAM.equals(ctx.queryParam("status")) ? Comment.SPAM : Comment.PENDING;
        String q = Optional.ofNullable(ctx.queryParam("q")).orElse("").strip();
        if (q.length() > 200) q = q.substring(0, 200);
        templates.send(ctx, code, "admin/comments.jte", new QueuePage(AdminFrame.of(site, ctx, site.messages().get("moderation.title"), "comments"),
            status, q, comments.listQueue(status, q, 200), comments.countPending(), error));
    }

    public void bulk(Context ctx) {
        List<Long> ids = ctx.formParams("ids").stream().filter(Input::isId).map(Input::id).toList();
        switch (Optional.ofNullable(ctx.formParam("action")).orElse("")) {
            case "approve" -> comments.setStatus(ids, Comment.APPROVED);
            case "spam" -> comments.setStatus(ids, Comment.SPAM);
            case "delete" -> comments.delete(ids);
            default -> throw new NotFound("unknown moderation action", "error.page-not-found");
        }
        ctx.redirect("/admin/comments?done=comments-done", HttpStatus.SEE_OTHER);
    }

    public void edit(Context ctx) {
        Comment c = find(ctx);
        String body = Optional.ofNullable(ctx.formParam("comment")).orElse("").replace("\r\n", "\n").strip();
        if (body.isEmpty() || body.codePointCount(0, body.length()) > CommentForm.BODY_MAX) {
            // A moderator's slip is answered like a reader's: the queue again, with the reason, and nothing changed.
            render(ctx, 422, site.messages().get(body.isEmpty() ? "comment.error.body" : "comment.error.body-long",
                site.fmt().number(CommentForm.BODY_MAX)));
            return;
        }
        comments.edit(c.id(), body);
        ctx.redirect("/admin/comments?done=comments-done", HttpStatus.SEE_OTHER);
    }

    public void ban(Context ctx) {
        Comment c = find(ctx);
        comments.ban(c.id(), "email".equals(ctx.formParam("kind")) ? "email" : "ip");
        comments.setStatus(List.of(c.id()), Comment.SPAM);
        ctx.redirect("/admin/comments?done=comments-done", HttpStatus.SEE_OTHER);
    }

    /** Opens or closes comments on an article. */
    public void toggle(Context ctx) {
        String raw = ctx.pathParam("id");
        if (!Input.isId(raw)) throw new NotFound("bad article id " + raw, "error.article-not-found");
        comments.setClosed(Input.id(raw), "true".equals(ctx.formParam("closed")));
        ctx.redirect("/admin/articles/" + raw + "?done=saved", HttpStatus.SEE_OTHER);
    }

    private Comment find(Context ctx) {
        String raw = ctx.pathParam("id");
        if (!Input.isId(raw)) throw new NotFound("bad comment id " + raw, "error.page-not-found");
        return comments.find(Input.id(raw)).orElseThrow(() -> new NotFound("no comment " + raw, "error.page-not-found"));
    }
}
