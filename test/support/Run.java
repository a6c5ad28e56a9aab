import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs a command's {@code run(out, err, args)} in-process and keeps what it printed. */
record Run(int status, String out, String err) {
    interface Command {
        int run(PrintStream out, PrintStream err, String... args);
    }

    static Run of(Command command, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8); PrintStream e = new PrintStream(err,
                true, StandardCharsets.UTF_8)) {
            status = command.run(o, e, args);
        }
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Run models(String... args) { return of(ModelsCommand::run, args); }

    static Run onboard(String... args) { return of(OnboardCommand::run, args); }

    static Run chat(String... args) { return of(ChatCommand::run, args); }
}
