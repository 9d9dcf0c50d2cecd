package org.pmopulse.system;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The embedded server's H2 store, made durable: a write command is committed and synced to disk before the server
 * answers it, so a client that got an acknowledgement never loses the write, even to {@code kill -9} or a power cut.
 * The store is opened with H2's background auto-commit off, so nothing else decides when data reaches the disk;
 * the compaction that background thread would do is done here, every few hundred commits.
 *
 * <p>Concurrent writers share commits (group commit): a writer whose change a commit already covers does not
 * wait for another one, so N writers at once cost fewer than N syncs.
 */
final class DurableH2Backend extends H2Backend {
    /** Commands that change data or its shape; reads need no sync. */
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "create",
            "createindexes", "drop", "dropindexes", "dropdatabase", "renamecollection", "aggregate");

    private static final int COMPACT_EVERY = 500;
    private static final int COMPACT_BELOW_FILL_PERCENT = 80;
    private static final int COMPACT_BYTES = 16 * 1024 * 1024;

    private final MVStore store;
    private final AtomicLong changes = new AtomicLong();
    private long durableUpTo;
    private long commits;

    private DurableH2Backend(MVStore store) {
        super(store);
        this.store = store;
    }

    /** Opens (or creates) the store file; fails with H2's "file is locked" when another process holds it. */
    static DurableH2Backend open(String file) {
        MVStore store = new MVStore.Builder().fileName(file).autoCommitDisabled().open();
        // H2 keeps freed space for 45 s in case the disk has not flushed yet; every commit here is synced, so the
        // space can be used again at once (with the default, a few thousand writes grew the file to 550 MB)
        store.setRetentionTime(0);
        return new DurableH2Backend(store);
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        Document answer = super.handleCommand(channel, database, command, query);
        if (WRITES.contains(command.toLowerCase(Locale.ROOT))) {
            makeDurable(changes.incrementAndGet());
        }
        return answer;
    }

    /** Commits and syncs unless a commit that started after change {@code change} already did. */
    private void makeDurable(long change) {
        synchronized (this) {
            if (durableUpTo >= change) {
                return;
            }
            long upTo = changes.get(); // every change counted so far is already applied in memory
            if (store.hasUnsavedChanges()) {
                store.commit();
                store.sync();
                if (++commits % COMPACT_EVERY == 0) {
                    // what H2's background thread would do: rewrite chunks that are mostly empty, a little at a time
                    store.compact(COMPACT_BELOW_FILL_PERCENT, COMPACT_BYTES);
                }
            }
            durableUpTo = upTo;
        }
    }
}
