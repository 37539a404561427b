package org.maho.datasync.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.maho.datasync.service.PasswordHash;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "hash-password", usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        description = {"Read a password (typed without echo, or one line of standard input) and print its hash for",
                "DATASYNC_API_PASSWORD_HASH in .env.local: the console's login, with DATASYNC_API_USER."})
public final class HashPasswordCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        char[] password;
        java.io.Console console = System.console();
        if (console != null) {
            password = console.readPassword("Password: ");
            char[] again = console.readPassword("Again: ");
            if (password == null || again == null || !java.util.Arrays.equals(password, again)) {
                throw new ParameterException(spec.commandLine(), "The two passwords differ");
            }
        } else {
            String line = new BufferedReader(new InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8)).readLine();
            password = line == null ? new char[0] : line.toCharArray();
        }
        if (password.length < 8) {
            throw new ParameterException(spec.commandLine(), "A password of at least 8 characters, please");
        }
        out.println("DATASYNC_API_PASSWORD_HASH=" + PasswordHash.of(password));
        out.flush();
        return ExitCode.OK;
    }
}
