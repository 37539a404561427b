package org.maho.datasync.job;

/**
 * How a command copies, whichever entity types it runs: every one of its jobs gets the same. {@code --anonymize} gives a
 * rewrite of the records, {@code --keep-ids} their source ids on the destination.
 *
 * @param rewrite what changes records as they are read, or null
 * @param keepIds whether new destination rows take their source ids
 */
public record CopyMode(RecordRewrite rewrite, boolean keepIds) {

    /** Records as read, destination ids as the destination gives them. */
    public static final CopyMode PLAIN = new CopyMode(null, false);

    public JobSpec applyTo(JobSpec spec) {
        return spec.rewrite(rewrite).keepIds(keepIds);
    }

    /** Words for the command's first line: " (anonymized, source ids)", or nothing. */
    public String describe() {
        String words = (rewrite != null ? ", " + rewrite.describe() + "d" : "") + (keepIds ? ", source ids kept" : "");
        return words.isEmpty() ? "" : " (" + words.substring(2) + ")";
    }
}
