package org.nashir.search;

import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashir.testing.TestSite;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16: a full disk under the search index. The article is saved and answered; the index says what is wrong (for
 * /health) and writes everything it missed by itself once there is room again, without a restart. The disk is the
 * one fake here: the index folder fails every write with the error a full disk gives while {@code full} is set.
 */
class SearchIndexRecoveryTest {
    @Test
    void an_index_that_meets_a_full_disk_recovers_by_itself_when_space_returns(@TempDir Path dir) throws Exception {
        try (TestSite site = TestSite.create(dir).start()) {
            AtomicBoolean full = new AtomicBoolean();
            SearchIndex.Opener disk = folder -> new FilterDirectory(FSDirectory.open(folder)) {
                @Override
                public IndexOutput createOutput(String name, IOContext context) throws IOException {
                    if (full.get()) throw new IOException("No space left on device");
                    return super.createOutput(name, context);
                }

                @Override
                public void sync(java.util.Collection<String> names) throws IOException {
                    if (full.get()) throw new IOException("No space left on device");
                    super.sync(names);
                }
            };
            try (SearchIndex index = new SearchIndex(dir.resolve("other-index"), site.nashir.articles, site.nashir.changes, disk)) {
                site.publish("سياسة", "خبر قبل امتلاء القرص", site.clock.instant().minusSeconds(60), "نص.");
                assertThat(index.documents()).isEqualTo(1);
                assertThat(index.problem()).isNull();

                full.set(true);
                long during = site.publish("سياسة", "خبر أثناء امتلاء القرص", site.clock.instant().minusSeconds(30), "نص.");
                assertThat(site.nashir.articles.findById(during)).as("saved whatever the index does").isPresent();
                assertThat(index.problem()).contains("No space left on device");
                site.nashir.changes.poll();
                assertThat(index.problem()).as("still failing while the disk is full").isNotNull();

                full.set(false);
                site.nashir.changes.poll();
                assertThat(index.problem()).isNull();
                assertThat(index.documents()).as("the article saved while the disk was full is searchable").isEqualTo(2);
                long after = site.publish("سياسة", "خبر بعد عودة المساحة", site.clock.instant().minusSeconds(10), "نص.");
                assertThat(index.documents()).isEqualTo(3);
                assertThat(after).isGreaterThan(during);
            }
        }
    }
}
