package org.nashir.article;


import org.nashir.web.Frame;
import org.nashir.web.Pager;
import java.util.List;

/** Any paginated list of articles: a section, a tag, a byline, a date in the archive. */
public record ListingPage(Frame frame, String heading, String intro, List<Link> links, List<Teaser> items, Pager pager) {
    /** A link beside the list, such as the months of an archive year. */
    public record Link(String href, String text) {}
}
