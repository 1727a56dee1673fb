package org.nashir.article;

import org.nashir.arabic.ArabicFormat;
import org.nashir.media.Media;
import org.nashir.web.Messages;

import java.util.List;
import java.util.Map;

/**
 * The entries of a live coverage as the article page shows them and as readers' pages fetch them again while they
 * read ({@code /article/{id}/live}, rendered by the same template): pinned key events first, then newest first.
 */
public record LiveFragment(long articleId, boolean ended, List<LiveStore.Entry> entries, Map<Long, Media> pictures, ArabicFormat fmt, Messages t) {}
