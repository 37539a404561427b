package org.maho.datasync.cli;

import org.maho.datasync.app.DataSync;
import org.maho.datasync.job.CopyMode;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How the commands that write a destination copy: {@code --anonymize} and {@code --keep-ids}. */
final class CopyOptions {

    @Mixin
    AnonymizeOption anonymizeOption = new AnonymizeOption();

    @Option(names = "--keep-ids", description = "New destination rows take their source ids (a mirror for a new, empty shop);"
            + " refuses to start where the destination has rows of its own at those ids.")
    boolean keepIds;

    private String secret;

    /** Checks what can be checked before anything starts (the anonymization's secret). */
    CopyOptions check(Environment environment, CommandLine commandLine) {
        secret = anonymizeOption.secret(environment, commandLine);
        return this;
    }

    /** The copy mode, once DataSync has started and its settings are read. */
    CopyMode mode(DataSync dataSync) {
        return new CopyMode(AnonymizeOption.anonymizer(dataSync, secret), keepIds);
    }
}
