package org.nashir.article;

import org.nashir.account.AdminFrame;

import java.util.List;
import java.util.Map;

/** The template models of the article editor's pages. */
public final class EditorPages {
    private EditorPages() {}

    public record ListPage(AdminFrame frame, List<ArticleFinder.Row> rows, long total, String q, String status, String section, String author,
                           String kind, String from, String to, String sort, List<Section> sections, List<ArticleFinder.Author> authors,
                           org.nashir.web.Pager pager, String notice) {}

    /** A picture that can be chosen as the featured image. */
    /** A library picture the editor can choose: as the featured image, or placed in the text (at {@code src}, 1024 px at most). */
    public record Picture(long id, String label, String src, int width, int height, String caption, String credit) {}

    public record EditPage(AdminFrame frame, Long id, ArticleForm form, Map<String, ArticleCommand.Problem> errors, List<Section> sections,
                           List<Picture> pictures, List<String> tagNames, String status, boolean canPublish, String publicPath,
                           List<CorrectionStore.Correction> corrections, String correctionError, List<PreviewStore.Link> previews,
                           String newPreview) {
        public String error(String field) {
            ArticleCommand.Problem p = errors.get(field);
            return p == null ? null : frame.t().get(p.key(), p.args());
        }
    }

    public record RevisionsPage(AdminFrame frame, Article article, List<Revision> revisions) {}

    public record ComparePage(AdminFrame frame, Article article, Revision old, List<WordDiff.Part> parts) {}

    public record ConflictPage(AdminFrame frame, long id, ArticleForm yours, Revision theirs, List<WordDiff.Part> parts) {}
}
