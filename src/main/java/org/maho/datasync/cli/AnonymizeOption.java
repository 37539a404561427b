package org.maho.datasync.cli;

import org.maho.datasync.anonymize.Anonymizer;
import org.maho.datasync.app.DataSync;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code --anonymize}, shared by the commands that copy a source to a destination or compare the two. */
final class AnonymizeOption {

    @Option(names = "--anonymize", description = "Replace personal data with deterministic fakes, as the profile in"
            + " config/application.properties says (datasync.anonymize.*), keyed by DATASYNC_ANONYMIZE_SECRET.")
    boolean anonymize;

    /** The fakes' secret, checked before anything starts; null without --anonymize. */
    String secret(Environment environment, CommandLine commandLine) {
        if (!anonymize) {
            return null;
        }
        String secret = environment.get(Anonymizer.SECRET_VARIABLE);
        try {
            Anonymizer.checkSecret(secret);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(commandLine, e.getMessage());
        }
        return secret;
    }

    /** The anonymizer of the started DataSync's profile; null without a secret (no --anonymize). */
    static Anonymizer anonymizer(DataSync dataSync, String secret) {
        return secret == null ? null : Anonymizer.of(dataSync.settings(), secret, dataSync.handlers());
    }
}
