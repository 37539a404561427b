package org.maho.datasync.cli;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/** -v and -vv turn on the progress lines; everything else logs warnings and errors only. */
final class Logging {

    private static volatile int verbosity;

    private Logging() {}

    static void configure(int verbosity) {
        Logging.verbosity = verbosity;
        Configurator.setLevel("datasync.progress", verbosity > 0 ? Level.INFO : Level.WARN);
    }

    /** How many -v the command was given: -vv shows a failure's stack trace. */
    static int verbosity() {
        return verbosity;
    }
}
