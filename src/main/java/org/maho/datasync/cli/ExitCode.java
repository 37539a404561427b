package org.maho.datasync.cli;

/** What the launcher's exit status means, for cron jobs and scripts. */
public final class ExitCode {

    /** Every record was written, unchanged or deliberately skipped. */
    public static final int OK = 0;
    /** The run stopped: a connection that did not come back, an invalid record without --skip-invalid, a bad file. */
    public static final int FAILED = 1;
    /** A bad command line. */
    public static final int USAGE = 2;
    /** The run finished, but invalid records went to the dead letter (--skip-invalid). */
    public static final int INVALID_RECORDS = 3;

    /** verify: the comparison finished and found source records missing or different on the destination. */
    public static final int DIFFERENT = 4;

    private ExitCode() {}
}
