/**
 * Text that is not a model ref, or a ref the known router list refuses (a pinned provider that does
 * not serve the model). The message is for the user: it says what is wrong and what would be right.
 */
final class ModelRefException extends RuntimeException {
    ModelRefException(String message) { super(message); }
}
