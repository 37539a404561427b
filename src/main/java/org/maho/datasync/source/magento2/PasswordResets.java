package org.maho.datasync.source.magento2;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.maho.datasync.job.SyncJob;
import org.maho.datasync.model.Record;

/**
 * Magento 2's password hashes as OpenMage verifies them. Magento 2 writes {@code hash:salt:version}: version 0 is
 * md5(salt + password) and 1 sha256(salt + password), which OpenMage checks in the form {@code hash:salt}. Argon2id
 * (version 2 and its {@code 3_32_2_67108864} form) and a hash upgraded through several versions ({@code 0:2}) cannot be
 * verified by OpenMage: nothing is copied, and the customers are listed for a password reset, in
 * {@code var/password-resets/<run>-customer.csv} beside the run's dead letters and in the report.
 */
final class PasswordResets {

    private static final Map<String, String> VERIFIABLE = Map.of("0", "md5", "1", "sha256");

    private final SyncJob job;
    private final List<String> customers = new ArrayList<>();
    private boolean finished;

    PasswordResets(SyncJob job) {
        this.job = job;
    }

    /** The hash OpenMage verifies, or null when it cannot verify Magento 2's (the customer is listed). */
    String toOpenMage(Record customer, String hash) {
        if (hash == null || hash.isBlank()) {
            return hash;
        }
        String[] parts = hash.split(":", 3);
        if (parts.length == 3 && VERIFIABLE.containsKey(parts[2])) {
            return parts[0] + ":" + parts[1];
        }
        if (parts.length < 3) {
            return hash; // without a version (imported from Magento 1): md5 of salt and password, as OpenMage has it
        }
        customers.add(customer.text("email") + "," + (parts.length == 3 ? parts[2] : "unknown form"));
        return null;
    }

    /** Lists the customers whose hashes were left behind, once the reading is done; a dry run or a verify lists none. */
    void finish() {
        if (finished || customers.isEmpty() || job.spec().dryRun()) {
            return;
        }
        finished = true;
        String run = job.deadLetterFile().getFileName().toString().replaceFirst("\\.jsonl$", "");
        Path file = job.deadLetterFile().getParent().resolveSibling("password-resets").resolve(run + ".csv");
        try {
            Files.createDirectories(file.getParent());
            List<String> lines = new ArrayList<>();
            lines.add("email,magento2_hash_version");
            lines.addAll(customers);
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the list of customers whose passwords need a reset: " + file, e);
        }
        job.report().note(customers.size() + " customers' Magento 2 password hashes (Argon2id or upgraded) cannot be verified by"
                + " OpenMage and were not copied: they need a password reset; listed in " + file);
    }
}
