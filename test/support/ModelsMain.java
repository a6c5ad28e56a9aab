/** For tests that need real separate processes: runs {@code models fallbacks add REF} once per argument. */
class ModelsMain {
    public static void main(String... refs) {
        int failures = 0;
        for (String ref : refs) failures += ModelsCommand.run(System.out, System.err, "fallbacks", "add", ref) == 0 ? 0
                : 1;
        System.exit(failures == 0 ? 0 : 1);
    }
}
