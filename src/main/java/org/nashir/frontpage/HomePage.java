package org.nashir.frontpage;

import org.nashir.article.Teaser;
import org.nashir.web.Frame;
import org.nashir.article.Teaser;
import org.nashir.article.Section;

import org.nashir.media.Media;

import java.util.List;

/**
 * The front page: the lead story the desk chose (large, with its picture), the stories it pinned, then the latest
 * news, a block per section, and what readers read most today and this week.
 */
public record HomePage(Frame frame, Teaser lead, Media leadImage, List<Teaser> pinned, List<Teaser> latest, List<Block> blocks,
                       List<Teaser> mostReadDay, List<Teaser> mostReadWeek) {
    public record Block(Section section, List<Teaser> items) {}
}
