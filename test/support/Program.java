/** The three commands as one program, for tests that need a process of their own: a terminal, a locale, a launcher. */
final class Program {
    private Program() { }

    public static void main(String... args) {
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        System.exit(switch (args[0]) {
            case "chat" -> ChatCommand.run(System.out, System.err, rest);
            case "models" -> ModelsCommand.run(System.out, System.err, rest);
            case "onboard" -> OnboardCommand.run(System.out, System.err, rest);
            default -> 2;
        });
    }
}
