package org.nashir.article;


import org.nashir.web.Frame;
import org.nashir.web.Pager;
import java.util.List;

/**
 * Any paginated list of articles: a section, a tag, a byline, a date in the archive. {@code pinned} are the
 * stories the desk put first (a section's lead and pinned stories, on its first page).
 */
public record ListingPage(Frame frame, String heading, String intro, List<Link> links, List<Teaser> pinned, List<Teaser> items, Pager pager, String jsonLd) {
    public ListingPage(Frame frame, String heading, String intro, List<Link> links, List<Teaser> pinned, List<Teaser> items, Pager pager) {
        this(frame, heading, intro, links, pinned, items, pager, null);
    }

    /** A list the desk does not arrange. */
    public ListingPage(Frame frame, String heading, String intro, List<Link> links, List<Teaser> items, Pager pager) {
        this(frame, heading, intro, links, List.of(), items, pager, null);
    }

    /** A link beside the list, such as the months of an archive year. */
    public record Link(String href, String text) {}
}
