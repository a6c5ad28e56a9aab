/** For tests that need a real separate process: {@code Main COMMAND ARGS...} runs that command as its script does. */
class Main {
    public static void main(String... args) {
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        System.exit(switch (args[0]) {
            case "models" -> ModelsCommand.run(System.out, System.err, rest);
            case "chat" -> ChatCommand.run(System.out, System.err, rest);
            case "onboard" -> OnboardCommand.run(System.out, System.err, rest);
            default -> throw new IllegalArgumentException(args[0]);
        });
    }
}
