package org.nashir.article;

import org.nashir.comment.CommentsView;
import org.nashir.media.Media;
import org.nashir.web.Frame;

import java.util.List;
import java.util.Map;

/** The article page: the article with its section, bylines, tags, public corrections, and a few related articles. */
public record ArticlePage(Frame frame, Article article, Section section, List<Byline> bylines, List<Tag> tags, List<Teaser> more,
                          Media featured, CommentsView comments, List<CorrectionStore.Correction> corrections, LiveFragment live, Map<Long, Media> writerPhotos, String jsonLd) {
}
