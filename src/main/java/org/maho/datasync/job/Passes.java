package org.maho.datasync.job;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.maho.datasync.model.Record;
import org.maho.datasync.model.Ref;

/**
 * Records whose required reference points at another record of the same run not written yet (a category
 * before its parent, a configurable product before its child) wait, and go through again after the rest, pass
 * after pass while passes make progress. Then a final pass writes what still waits: a required reference that
 * cannot be resolved makes its record invalid. Records written without an optional reference to a record of
 * this run (a product's up-sell) go through once more in a repair pass, when everything is written.
 */
public final class Passes {

    public enum Kind { MAIN, DEFERRED, FINAL, REPAIR }

    private final BitSet seenIds = new BitSet();
    private final Set<String> seenKeys = new HashSet<>();
    private List<Record> waiting = new ArrayList<>();
    private List<Record> repair = new ArrayList<>();
    private List<Record> current = List.of();
    private Kind kind = Kind.MAIN;
    private int lastSize = -1;
    /** The first record of the main pass that waits or is to be repaired: a resumed run must read it again. */
    private ReadPosition firstHeld;

    public synchronized Kind kind() {
        return kind;
    }

    /** A record reached its outcome: references to it need not wait for it any more. */
    public synchronized void seen(Record record) {
        String id = record.sourceId();
        if (id != null && id.chars().allMatch(Character::isDigit) && id.length() < 10) {
            seenIds.set(Integer.parseInt(id));
        } else if (id != null) {
            seenKeys.add(id);
        }
    }

    /**
     * A record reached its outcome under this natural key. Only one left without a destination row is remembered: one
     * with a row resolves by its natural key from now on, and remembering every key grew with the run (a million
     * orders held about 100 MB of keys).
     */
    public synchronized void seenKey(Record record, String naturalKey) {
        if (naturalKey != null && record.targetId() == null) {
            seenKeys.add("key:" + naturalKey);
        }
    }

    /** Whether the referenced record of this run has gone through already (written, or found invalid). */
    public synchronized boolean seen(Ref ref) {
        String id = ref.sourceId();
        if (id != null && id.chars().allMatch(Character::isDigit) && id.length() < 10) {
            return seenIds.get(Integer.parseInt(id));
        }
        return (id != null && seenKeys.contains(id)) || (ref.naturalKey() != null && seenKeys.contains("key:" + ref.naturalKey()));
    }

    /** Whether a record may wait now, or this is the pass that writes what waits. */
    public synchronized boolean mayWait() {
        return kind == Kind.MAIN || kind == Kind.DEFERRED;
    }

    public synchronized void waitFor(Record record) {
        record.defer();
        waiting.add(record);
        held(record);
    }

    /** Written without a link to a record of this run not written yet: linked again in the repair pass. */
    public synchronized void repairLater(Record record) {
        if (kind != Kind.REPAIR) {
            repair.add(record);
            held(record);
        }
    }

    private void held(Record record) {
        if (kind == Kind.MAIN) {
            firstHeld = ReadPosition.earlier(firstHeld, ReadPosition.of(record));
        }
    }

    /**
     * The position a resumed run may start after once this batch of the main pass commits: every record before it has
     * its outcome. Not past a record that waits or is to be repaired, nor past one of this batch that is invalid, whose
     * dead letter is written after the commit. Null when no position advances (a later pass, a source without ids).
     */
    public synchronized ReadPosition doneThrough(List<Record> batch) {
        if (kind != Kind.MAIN || batch.isEmpty()) {
            return null;
        }
        ReadPosition done = ReadPosition.of(batch.get(batch.size() - 1));
        if (done == null) {
            return null;
        }
        for (Record record : batch) {
            if (record.outcome() == org.maho.datasync.model.Outcome.INVALID || !record.isValid()) {
                ReadPosition invalid = ReadPosition.of(record);
                done = invalid == null ? null : ReadPosition.earlier(done, invalid.before());
                break;
            }
        }
        if (done != null && firstHeld != null) {
            done = ReadPosition.earlier(done, firstHeld.before());
        }
        return done;
    }

    /** Starts the next pass, if any: true when there are records to send through again. */
    public synchronized boolean next() {
        if (kind == Kind.MAIN || kind == Kind.DEFERRED) {
            if (!waiting.isEmpty()) {
                kind = waiting.size() == lastSize ? Kind.FINAL : Kind.DEFERRED;
                lastSize = waiting.size();
                return start(waiting);
            }
            kind = Kind.FINAL;
        }
        if (kind == Kind.FINAL && !repair.isEmpty()) {
            kind = Kind.REPAIR;
            return start(repair);
        }
        current = List.of();
        return false;
    }

    private boolean start(List<Record> records) {
        current = records;
        records.forEach(Record::reset);
        if (kind == Kind.REPAIR) {
            repair = new ArrayList<>();
        } else {
            waiting = new ArrayList<>();
        }
        return true;
    }

    /** The records of the pass that starts. */
    public synchronized List<Record> current() {
        return current;
    }

    /** A repair pass changes links only: its records were counted in the pass that wrote them. */
    public synchronized boolean counts() {
        return kind != Kind.REPAIR;
    }
}
