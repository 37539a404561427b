package org.maho.datasync.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.Record;

/**
 * Customers whose password hash the source shop keeps in a form OpenMage cannot verify (Magento 2's Argon2id,
 * WordPress's phpass): nothing is copied, and they are listed for a password reset, in
 * {@code var/password-resets/<run>-customer.csv} beside the run's dead letters and in the report.
 */
public final class PasswordResets {

    private final SyncJob job;
    private final String shop;
    private final String formColumn;
    private final List<String> customers = new ArrayList<>();
    private boolean finished;

    /**
     * @param shop       the kind of shop, as the report names it: "Magento 2"
     * @param formColumn the list's column that says which form each hash has: "magento2_hash_version"
     */
    public PasswordResets(SyncJob job, String shop, String formColumn) {
        this.job = job;
        this.shop = shop;
        this.formColumn = formColumn;
    }

    /** A customer whose hash, of this form, is left behind. */
    public void add(Record customer, String form) {
        customers.add(customer.text("email") + "," + form);
    }

    /** Lists the customers whose hashes were left behind, once the reading is done; a dry run or a verify lists none. */
    public void finish() {
        if (finished || customers.isEmpty() || job.spec().dryRun()) {
            return;
        }
        finished = true;
        String run = job.deadLetterFile().getFileName().toString().replaceFirst("\\.jsonl$", "");
        Path file = job.deadLetterFile().getParent().resolveSibling("password-resets").resolve(run + ".csv");
        try {
            Files.createDirectories(file.getParent());
            List<String> lines = new ArrayList<>();
            lines.add("email," + formColumn);
            lines.addAll(customers);
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the list of customers whose passwords need a reset: " + file, e);
        }
        job.report().note(customers.size() + " customers' " + shop + " password hashes cannot be verified by"
                + " OpenMage and were not copied: they need a password reset; listed in " + file);
    }
}
