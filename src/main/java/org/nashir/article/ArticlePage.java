package org.nashir.article;

import org.nashir.comment.CommentsView;
import org.nashir.media.Media;
import org.nashir.web.Frame;

import org.jsoup.Jsoup;
import org.nashir.arabic.Plural;
import org.nashir.web.NavLink;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The article page: the article with its section, bylines, tags, public corrections, and a few related articles;
 * {@code body} is the article's body as readers get it ({@link BodyHtml#forReaders}).
 */
public record ArticlePage(Frame frame, Article article, Section section, List<Byline> bylines, List<Tag> tags, List<Teaser> more,
                          Media featured, CommentsView comments, List<CorrectionStore.Correction> corrections, LiveFragment live, Map<Long, Media> writerPhotos, String jsonLd,
                          String body) {
    /** Minutes of reading, said as Arabic counts them: «دقيقة واحدة»، «دقيقتان»، «٣ دقائق». */
    static final Plural READING_MINUTES = new Plural("دقيقة واحدة", "دقيقتان", "دقائق", "دقيقة", "دقيقة");
    /** Words a reader of Arabic news reads in a minute (a careful reading, not skimming). */
    static final int WORDS_PER_MINUTE = 150;

    /** How long the body takes to read, at least a minute. */
    public String readingTime() {
        String text = Jsoup.parse(article.body()).text().strip();
        long words = text.isEmpty() ? 0 : text.split("\\s+").length;
        long minutes = Math.max(1, Math.round((double) words / WORDS_PER_MINUTE));
        return frame.fmt().count(minutes, READING_MINUTES);
    }

    /**
     * Where readers share the article: plain links to each service's own share page (no third-party script runs on
     * ours), the headline and the canonical address filled in.
     */
    public List<NavLink> shareLinks() {
        String url = frame.canonicalUrl();
        String title = article.title();
        return List.of(
            new NavLink("https://wa.me/?text=" + encode(title + " " + url), "واتساب"),
            new NavLink("https://t.me/share/url?url=" + encode(url) + "&text=" + encode(title), "تيليغرام"),
            new NavLink("https://x.com/intent/post?url=" + encode(url) + "&text=" + encode(title), "إكس"),
            new NavLink("https://www.facebook.com/sharer/sharer.php?u=" + encode(url), "فيسبوك"),
            new NavLink("mailto:?subject=" + encode(title) + "&body=" + encode(url), frame.t().get("share.email")));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
