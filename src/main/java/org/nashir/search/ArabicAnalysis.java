package org.nashir.search;

import org.nashir.arabic.ArabicStemmer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The one analysis chain for indexing and queries: Lucene's standard tokenizer (Unicode word breaks), then
 * {@link ArabicStemmer}'s folding, stop words (compared after folding, so إلى and الى are both stop words) and
 * stems. A word with two readings yields both at the same position, like a synonym, and so does a word with a
 * hamza seat the way readers type it without one ({@link ArabicStemmer#seatless}). Fields named
 * {@code *_f} keep the folded words unstemmed, so a search can reward the spelling the reader typed.
 */
public final class ArabicAnalysis extends Analyzer {
    /** Fields whose name ends with this get folding and stop words but no stemming: the "as written" fields. */
    public static final String FOLDED_SUFFIX = "_f";

    private final boolean seatless;

    /** The analysis articles are indexed with: each word's terms and its seatless spelling's. */
    public ArabicAnalysis() {
        this(true);
    }

    private ArabicAnalysis(boolean seatless) {
        // Stemmed and folded fields build different chains: they must not share reused components.
        super(PER_FIELD_REUSE_STRATEGY);
        this.seatless = seatless;
    }

    /**
     * The analysis of what readers type: without the seatless spellings, which the index already holds for every
     * word with a seat. A reader who types the seat matches it, one who leaves it out matches the seatless terms;
     * adding them to the query too only blurred the ranking (two kinds of SearchQualityBench lost a query).
     */
    public static ArabicAnalysis forQueries() {
        return new ArabicAnalysis(false);
    }

    @Override
    protected TokenStreamComponents createComponents(String field) {
        Tokenizer source = new StandardTokenizer();
        return new TokenStreamComponents(source, new StemFilter(source, !field.endsWith(FOLDED_SUFFIX), seatless));
    }

    /** Folds, drops stop words, and emits the stem(s) of each remaining word. */
    static final class StemFilter extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
        private final Deque<String> pending = new ArrayDeque<>();
        private final boolean stem;
        private State state;
        private int skipped;

        private final boolean seatless;

        StemFilter(TokenStream input, boolean stem, boolean seatless) {
            super(input);
            this.stem = stem;
            this.seatless = seatless;
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!pending.isEmpty()) {
                restoreState(state);
                term.setEmpty().append(pending.poll());
                position.setPositionIncrement(0);
                return true;
            }
            while (input.incrementToken()) {
                String raw = term.toString();
                String folded = ArabicStemmer.fold(raw);
                if (folded.isEmpty() || ArabicStemmer.isStopWord(folded)) {
                    skipped += position.getPositionIncrement();
                    continue;
                }
                List<String> stems = stem ? ArabicStemmer.stems(folded) : List.of(ArabicStemmer.surface(folded));
                term.setEmpty().append(stems.getFirst());
                position.setPositionIncrement(position.getPositionIncrement() + skipped);
                skipped = 0;
                pending.addAll(stems.subList(1, stems.size()));
                if (seatless) pending.addAll(ArabicStemmer.seatlessStems(raw, stems, stem));
                if (!pending.isEmpty()) state = captureState();
                return true;
            }
            return false;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            pending.clear();
            skipped = 0;
        }
    }
}
