/** chat as a program of its own, started by tests that need a process: its locale, its arguments as Java read them. */
final class ChatMain {
    private ChatMain() { }

    public static void main(String... args) { System.exit(ChatCommand.run(System.out, System.err, args)); }
}
