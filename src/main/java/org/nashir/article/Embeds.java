package org.nashir.article;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Posts from other services quoted in a story (YouTube, X/Twitter, Facebook, Instagram, Telegram, TikTok,
 * SoundCloud). A paragraph that is nothing but a link to such a post is stored as
 * {@code <figure class="embed" data-embed="youtube"><a href="…">…</a></figure>}: readers see that link, named for its
 * service, and nothing is loaded from the service until a reader asks for it; then the page puts the service's own
 * player in an iframe at {@link Provider#frame}. Only the hosts of {@link #FRAME_HOSTS} may be framed (the CSP).
 */
public final class Embeds {
    /** A service whose posts become embeds: its code, its Arabic name, and how a post's address becomes its player. */
    public record Provider(String code, String arabic, Pattern address, String frameTemplate) {
        /** The player's address for a post of this service, or empty when the address is not one of its posts. */
        public Optional<String> frame(String url) {
            Matcher m = address.matcher(url);
            if (!m.matches()) return Optional.empty();
            String id = m.groupCount() > 0 && m.group(1) != null ? m.group(1) : "";
            return Optional.of(frameTemplate.replace("{id}", id).replace("{url}", URLEncoder.encode(url, StandardCharsets.UTF_8)));
        }
    }

    public static final List<Provider> PROVIDERS = List.of(
        new Provider("youtube", "يوتيوب", Pattern.compile("https://(?:www\\.|m\\.)?(?:youtube\\.com/(?:watch\\?v=|shorts/)|youtu\\.be/)([A-Za-z0-9_-]{6,20})(?:[?&#].*)?"),
            "https://www.youtube-nocookie.com/embed/{id}"),
        new Provider("x", "إكس (تويتر)", Pattern.compile("https://(?:www\\.|mobile\\.)?(?:twitter|x)\\.com/[A-Za-z0-9_]{1,15}/status/([0-9]{1,25})(?:[?#].*)?"),
            "https://platform.twitter.com/embed/Tweet.html?id={id}"),
        new Provider("telegram", "تيليغرام", Pattern.compile("https://t\\.me/([A-Za-z0-9_]{3,64}/[0-9]{1,12})(?:[?#].*)?"),
            "https://t.me/{id}?embed=1"),
        new Provider("facebook", "فيسبوك", Pattern.compile("https://(?:www\\.|m\\.)?facebook\\.com/[^\\s\"<>]*/(?:posts|videos)/[^\\s\"<>]+"),
            "https://www.facebook.com/plugins/post.php?href={url}"),
        new Provider("instagram", "إنستغرام", Pattern.compile("https://(?:www\\.)?instagram\\.com/(?:p|reel)/([A-Za-z0-9_-]{5,40})/?(?:[?#].*)?"),
            "https://www.instagram.com/p/{id}/embed"),
        new Provider("tiktok", "تيك توك", Pattern.compile("https://(?:www\\.)?tiktok\\.com/@[A-Za-z0-9_.]{1,40}/video/([0-9]{5,25})(?:[?#].*)?"),
            "https://www.tiktok.com/embed/v2/{id}"),
        new Provider("soundcloud", "ساوندكلاود", Pattern.compile("https://(?:www\\.)?soundcloud\\.com/[A-Za-z0-9_-]+/[A-Za-z0-9_-]+/?(?:[?#].*)?"),
            "https://w.soundcloud.com/player/?url={url}"));

    /** The hosts the players live on: the only third parties a page may frame, and only after a reader's click. */
    public static final List<String> FRAME_HOSTS = List.of("https://www.youtube-nocookie.com", "https://platform.twitter.com", "https://t.me",
        "https://www.facebook.com", "https://www.instagram.com", "https://www.tiktok.com", "https://w.soundcloud.com");

    private Embeds() {}

    /** The service a post's address belongs to, if it is one. */
    public static Optional<Provider> providerOf(String url) {
        if (url == null) return Optional.empty();
        String u = url.strip();
        try {
            URI.create(u);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return PROVIDERS.stream().filter(p -> p.frame(u).isPresent()).findFirst();
    }

    /** The provider with this code ({@code youtube}, {@code x}, …). */
    public static Optional<Provider> byCode(String code) {
        return PROVIDERS.stream().filter(p -> p.code().equals(code == null ? "" : code.toLowerCase(Locale.ROOT))).findFirst();
    }
}
