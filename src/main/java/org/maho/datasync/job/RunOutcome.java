package org.maho.datasync.job;

import java.util.List;
import org.maho.datasync.model.Outcome;

/** How a run of one or more jobs ended, as its exit code and its line in the run history say it. */
public enum RunOutcome {
    /** Every record written, unchanged or skipped. */
    COMPLETED("completed"),
    /** Finished, but invalid records were dead-lettered. */
    INVALID("invalid"),
    /** A job stopped; the ones after it did not run. */
    FAILED("failed");

    private final String label;

    RunOutcome(String label) {
        this.label = label;
    }

    /** The word the run history keeps. */
    public String label() {
        return label;
    }

    public static RunOutcome of(List<SyncJob> jobs) {
        if (jobs.stream().anyMatch(SyncJob::failed)) {
            return FAILED;
        }
        if (jobs.stream().anyMatch(job -> job.report().count(Outcome.INVALID) > 0)) {
            return INVALID;
        }
        return COMPLETED;
    }
}
