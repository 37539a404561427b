package org.maho.datasync.cli;

import java.nio.file.Path;

/** The DataSync installation directory: config/, routes/ and var/ live there. bin/datasync sets it. */
final class Home {

    private Home() {}

    static Path directory() {
        String home = System.getProperty("datasync.home");
        return (home == null || home.isBlank() ? Path.of("") : Path.of(home)).toAbsolutePath().normalize();
    }
}
