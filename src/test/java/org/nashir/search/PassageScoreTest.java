package org.nashir.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The snippets' passage scorer gives Lucene's scores, without Lucene's hash table per passage. */
class PassageScoreTest {
    @Test
    void scores_are_lucenes_for_passages_with_repeated_and_distinct_terms() {
        PassageScorer lucene = new PassageScorer();
        Random random = new Random(20261207);
        String[] words = {"حديقة", "المدينة", "افتتاح", "البلدية", "حي"};
        for (int round = 0; round < 500; round++) {
            Passage p = new Passage();
            int start = random.nextInt(2000);
            p.setStartOffset(start);
            p.setEndOffset(start + 1000);
            int matches = random.nextInt(8);
            int at = start;
            for (int i = 0; i < matches; i++) {
                String w = words[random.nextInt(words.length)];
                // Lucene takes a term's document frequency from its first match in the passage; so do we.
                p.addMatch(at, at + w.length(), new BytesRef(w), 1 + random.nextInt(20));
                at += w.length() + 1 + random.nextInt(20);
            }
            p.setEndOffset(Math.max(at, start + 1));
            int contentLength = at + 10 + random.nextInt(5000);
            // The same terms summed in another order: equal up to float rounding.
            assertThat(Searching.PASSAGES.score(p, contentLength)).as("round " + round)
                .isCloseTo(lucene.score(p, contentLength), org.assertj.core.data.Offset.offset(1e-4f));
        }
    }
}
