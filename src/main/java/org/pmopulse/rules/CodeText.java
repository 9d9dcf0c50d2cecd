package org.pmopulse.rules;

/**
 * Rule-file text with its comments and its string and character literals blanked out (every character but a line
 * break becomes a space), so what remains is the code, at the same lines and columns as in the file.
 */
final class CodeText {
    private CodeText() {
    }

    static String blankCommentsAndStrings(String text) {
        char[] out = text.toCharArray();
        int i = 0;
        while (i < out.length) {
            char c = out[i];
            char next = i + 1 < out.length ? out[i + 1] : 0;
            if (c == '/' && next == '/') {
                i = blank(out, i, text.indexOf('\n', i));
            } else if (c == '/' && next == '*') {
                int end = text.indexOf("*/", i + 2);
                i = blank(out, i, end < 0 ? -1 : end + 2);
            } else if (text.startsWith("\"\"\"", i)) {
                int end = text.indexOf("\"\"\"", i + 3);
                i = blank(out, i, end < 0 ? -1 : end + 3);
            } else if (c == '"' || c == '\'') {
                i = blank(out, i, closingQuote(text, i));
            } else {
                i++;
            }
        }
        return new String(out);
    }

    /** The index after the quote that closes the literal opened at {@code start}; -1 when it never closes. */
    private static int closingQuote(String text, int start) {
        char quote = text.charAt(start);
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i + 1;
            } else if (c == '\n') {
                return i; // an unclosed literal ends with its line, as the compiler will say
            }
        }
        return -1;
    }

    /** Blanks {@code [from, to)} (to the end when {@code to} is -1), keeping line breaks; returns where to go on. */
    private static int blank(char[] out, int from, int to) {
        int end = to < 0 ? out.length : to;
        for (int i = from; i < end; i++) {
            if (out[i] != '\n') {
                out[i] = ' ';
            }
        }
        return end;
    }
}
