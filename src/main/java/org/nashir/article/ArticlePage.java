package org.nashir.article;

import org.nashir.section.Section;
import org.nashir.site.Frame;

import java.util.List;

/** The article page: the article with its section, bylines, tags and a few more from its section. */
public record ArticlePage(Frame frame, Article article, Section section, List<Byline> bylines, List<Tag> tags, List<Teaser> more,
                          org.nashir.media.Media featured, org.nashir.comment.CommentsView comments, String jsonLd) {
}
