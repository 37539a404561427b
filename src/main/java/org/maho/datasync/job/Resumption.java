package org.maho.datasync.job;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.maho.datasync.model.DateValues;
import org.maho.datasync.registry.Checkpoints;

/**
 * A resumable command ({@code sync} or {@code sync all} from a shop database). Its key is a hash of what its jobs
 * select, so the same command run again finds the checkpoints an interrupted run left on the destination: a step it
 * finished is not run again, the step it was in goes on after its last committed batch. Checkpoints older than the
 * configured age, or {@code --restart}, start the command over; a command that completes removes them.
 */
public final class Resumption {

    private final String runKey;
    private final Checkpoints checkpoints;
    private final int steps;
    private final List<String> notes = new ArrayList<>();

    private Resumption(String runKey, Checkpoints checkpoints, int steps) {
        this.runKey = runKey;
        this.checkpoints = checkpoints;
        this.steps = steps;
    }

    /**
     * Gives each job its step and what an interrupted run of the same command left of it.
     *
     * @param command how the checkpoint table and the messages name the command ("sync all live")
     * @param maxAge  checkpoints older than this are an earlier attempt's, not an interruption's: the command starts over
     */
    public static Resumption start(String command, List<JobSpec> jobs, Checkpoints checkpoints, boolean restart,
                                   Duration maxAge) {
        Resumption resumption = new Resumption(key(command, jobs), checkpoints, jobs.size());
        checkpoints.ensureTable();
        Map<Integer, Checkpoints.Stored> stored = checkpoints.load(resumption.runKey);
        LocalDateTime newest = stored.values().stream().map(Checkpoints.Stored::updatedAt).max(LocalDateTime::compareTo)
                .orElse(null);
        if (newest != null && restart) {
            checkpoints.clear(resumption.runKey);
            stored = Map.of();
            resumption.notes.add("--restart: the checkpoints of the run interrupted at " + DateValues.format(newest) + " UTC are dropped;"
                    + " everything is read again.");
        } else if (newest != null && newest.isBefore(LocalDateTime.now(ZoneOffset.UTC).minus(maxAge))) {
            checkpoints.clear(resumption.runKey);
            stored = Map.of();
            resumption.notes.add("The checkpoints of the run interrupted at " + DateValues.format(newest) + " UTC are older than "
                    + maxAge.toHours() + " h (datasync.resume.max-age-hours): everything is read again.");
        }
        List<String> done = new ArrayList<>();
        String goesOn = null;
        for (int step = 0; step < jobs.size(); step++) {
            JobSpec spec = jobs.get(step);
            Checkpoints.Stored left = stored.get(step);
            ReadPosition after = left == null || left.lastSourceId() == null ? null
                    : new ReadPosition(left.readingPass(), left.lastSourceId());
            boolean stepDone = left != null && left.done();
            spec.resume(new Resume(resumption.runKey, step, command, after, stepDone, left == null ? null : left.updatedAt()));
            if (stepDone) {
                done.add(spec.entityType());
            } else if (after != null && goesOn == null) {
                goesOn = spec.entityType() + " goes on after " + after;
            }
        }
        if (!done.isEmpty() || goesOn != null) {
            resumption.notes.add("Resuming the run of this command interrupted at " + DateValues.format(newest) + " UTC: "
                    + (done.isEmpty() ? "" : String.join(", ", done) + " done" + (goesOn == null ? "" : "; "))
                    + (goesOn == null ? "" : goesOn) + ". --restart reads everything again.");
        }
        return resumption;
    }

    /** What the command says before it runs: that it resumes, or starts over. */
    public List<String> notes() {
        return notes;
    }

    /** After the run: a command whose every step ran and none failed is complete, and its checkpoints go. */
    public void finished(List<SyncJob> ran) {
        if (ran.size() == steps && ran.stream().noneMatch(SyncJob::failed)) {
            checkpoints.clear(runKey);
        }
    }

    private static String key(String command, List<JobSpec> jobs) {
        StringBuilder selection = new StringBuilder(command);
        for (JobSpec job : jobs) {
            selection.append('\n').append(job.selection());
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(selection.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }
}
