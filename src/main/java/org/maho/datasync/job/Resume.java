package org.maho.datasync.job;

import java.time.LocalDateTime;

/**
 * A job's part in a resumable command ({@code sync} or {@code sync all} from a shop database): the command's key, the
 * job's step in its plan (a type that runs twice has two), and what an interrupted run of the same command left: the
 * step done, or the position its last committed batch reached.
 *
 * @param command       the command as the checkpoint table shows it ("sync all live -a openmage")
 * @param after         where reading starts, after this position; null from the start
 * @param done          the interrupted run finished this step: it is not run again
 * @param interruptedAt when the interrupted run committed its last checkpoint; null when there was none
 */
public record Resume(String runKey, int step, String command, ReadPosition after, boolean done, LocalDateTime interruptedAt) {


    /** Whether this job takes up an interrupted run's work. */
    public boolean resumed() {
        return interruptedAt != null;
    }
}
