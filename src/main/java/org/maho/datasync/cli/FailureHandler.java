package org.maho.datasync.cli;

import java.io.PrintWriter;
import org.maho.datasync.db.ShopDatabase;
import picocli.CommandLine;

/**
 * What a command that stopped on an exception prints: one line with the reason (a database that refuses the login
 * names the connection and the server's reason; the password never appears), exit 1. The stack trace is for -vv.
 */
final class FailureHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception failure, CommandLine command, CommandLine.ParseResult parsed) {
        PrintWriter err = command.getErr();
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        String root = ShopDatabase.rootMessage(failure);
        err.println(message.contains(String.valueOf(root)) ? message : message + ": " + root);
        if (Logging.verbosity() >= 2) {
            failure.printStackTrace(err);
        } else {
            err.println("(-vv shows where it stopped)");
        }
        err.flush();
        return ExitCode.FAILED;
    }
}
