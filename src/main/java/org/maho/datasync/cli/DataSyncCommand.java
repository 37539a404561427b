package org.maho.datasync.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine;

/** bin/datasync: the entry point. */
@Command(name = "datasync", mixinStandardHelpOptions = true, version = "Maho DataSync for Java 0.1.0",
        description = "Migrates and syncs OpenMage / Magento 1 / Maho shop data.",
        subcommands = {SyncCommand.class, VerifyCommand.class, IncrementalCommand.class, TrackerCommand.class, RunCommand.class, HashPasswordCommand.class, DemoCommand.class, GenerateCommand.class,
                CommandLine.HelpCommand.class})
public final class DataSyncCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        if (Boolean.getBoolean("datasync.report.stats")) {
            HeapWatch.start();
        }
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        return new CommandLine(new DataSyncCommand()).setExecutionExceptionHandler(new FailureHandler()).execute(args);
    }

    /** Runs the command line with its output and errors going to the given writers. */
    public static int execute(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        return new CommandLine(new DataSyncCommand()).setOut(out).setErr(err)
                .setExecutionExceptionHandler(new FailureHandler()).execute(args);
    }
}
