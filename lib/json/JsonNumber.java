import java.math.BigDecimal;
import java.math.BigInteger;

/** A number as written: JSON's grammar, or JSON5's (hex, leading '+', '.5', '5.', Infinity, NaN). */
record JsonNumber(String text) implements JsonValue {
    /** The exact integer value; fails for fractions, non-finite numbers and values outside long. */
    public long longValue() {
        // Plain decimal integers (nearly every number a router sends) skip BigDecimal.
        int n = text.length(), i = text.startsWith("-") ? 1 : 0;
        if (n > i && n - i <= 18) {
            long value = 0;
            char c;
            while (i < n && (c = text.charAt(i)) >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
                i++;
            }
            if (i == n) return text.charAt(0) == '-' ? -value : value;
        }
        try {
            return bigDecimalValue().longValueExact();
        } catch (ArithmeticException e) {
            throw new JsonException("not a whole number that fits in a long: " + text);
        }
    }

    /**
     * Whether the number is a whole number ({@code 3}, {@code 3.0}, {@code 1.2e1}, {@code 0x1F}), read from its text
     * in one pass: a 200,000-digit number is told in microseconds, where BigDecimal's arithmetic takes seconds.
     */
    public boolean isWhole() {
        String t = unsigned();
        if (t.equals("Infinity") || t.equals("NaN")) return false;
        if (isHex(t)) return true;
        int e = Math.max(t.indexOf('e'), t.indexOf('E'));
        String mantissa = e < 0 ? t : t.substring(0, e);
        int dot = mantissa.indexOf('.');
        String digits = dot < 0 ? mantissa : mantissa.substring(0, dot) + mantissa.substring(dot + 1);
        int fraction = dot < 0 ? 0 : mantissa.length() - dot - 1;
        int end = digits.length();
        while (end > 0 && digits.charAt(end - 1) == '0') end--;
        if (end == 0 || digits.substring(0, end).chars().allMatch(c -> c == '0')) return true;   // zero
        int trailingZeros = digits.length() - end;
        long exponent;
        if (e < 0) {
            exponent = 0;
        } else {
            String x = t.substring(e + 1);
            boolean negative = x.startsWith("-");
            String magnitude = x.replaceFirst("^[+-]", "").replaceFirst("^0+(?=.)", "");
            exponent = magnitude.length() > 15 ? Long.MAX_VALUE / 4 : Long.parseLong(magnitude);
            if (negative) exponent = -exponent;
        }
        return exponent - fraction + trailingZeros >= 0;
    }

    public double doubleValue() {
        String t = unsigned();
        double magnitude;
        if (t.equals("Infinity")) magnitude = Double.POSITIVE_INFINITY;
        else if (t.equals("NaN")) magnitude = Double.NaN;
        else if (isHex(t)) magnitude = new BigInteger(t.substring(2), 16).doubleValue();
        else magnitude = Double.parseDouble(t);
        return text.startsWith("-") ? -magnitude : magnitude;
    }

    /** The exact value; fails for Infinity and NaN, which have none. */
    public BigDecimal bigDecimalValue() {
        BigDecimal plain = plainDecimal();
        if (plain != null) return plain;
        String t = unsigned();
        if (t.equals("Infinity") || t.equals("NaN")) throw new JsonException("not a finite number: " + text);
        BigDecimal magnitude = isHex(t) ? new BigDecimal(new BigInteger(t.substring(2), 16)) : new BigDecimal(t);
        return text.startsWith("-") ? magnitude.negate() : magnitude;
    }

    /**
     * A plain decimal ({@code -12.50}: no exponent, at most 18 digits) read by hand, else null.
     * Prices are such numbers, and BigDecimal's string constructor is a large method that a cold
     * start would interpret and then compile for each of the few hundred prices of a model list.
     */
    private BigDecimal plainDecimal() {
        int n = text.length(), i = text.startsWith("-") ? 1 : 0, digits = 0, scale = -1;
        long unscaled = 0;
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (c == '.' && scale < 0) {
                scale = 0;
            } else if (c >= '0' && c <= '9' && ++digits <= 18) {
                unscaled = unscaled * 10 + (c - '0');
                if (scale >= 0) scale++;
            } else {
                return null;
            }
        }
        if (digits == 0 || scale == 0) return null;
        return BigDecimal.valueOf(text.startsWith("-") ? -unscaled : unscaled, Math.max(scale, 0));
    }

    public boolean isFinite() {
        String t = unsigned();
        return !t.equals("Infinity") && !t.equals("NaN");
    }

    private String unsigned() {
        return text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
    }

    private static boolean isHex(String t) {
        return t.length() > 1 && t.charAt(0) == '0' && (t.charAt(1) == 'x' || t.charAt(1) == 'X');
    }
}
