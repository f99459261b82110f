package io.slipway.core.parser;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the top-level blocks of a Jinja file ({@code {% macro %}}, {@code {% docs %}},
 * {@code {% snapshot %}}, ...) as text, the way dbt's block lexer does, so a macro's
 * {@code macro_sql} and a doc block's contents are what the file says. Skips comments and raw blocks.
 */
public final class BlockScanner {
    private BlockScanner() {
    }

    /**
     * One block.
     *
     * @param tag      the block's tag ({@code macro})
     * @param name     the name after the tag ({@code cents_to_dollars}), or empty
     * @param text     the whole block, from its opening {@code {%} to the end of its closing tag
     * @param contents the text between the opening and closing tags
     * @param line     1-based line of the opening tag
     */
    public record Block(String tag, String name, String text, String contents, int line) {
    }

    /** Every top-level block whose tag is one of {@code tags}. */
    public static List<Block> scan(String source, List<String> tags) {
        List<Block> out = new ArrayList<>();
        int i = 0;
        int n = source.length();
        int depth = 0;
        int line = 1;
        int lineCountedTo = 0;
        String openTag = null;
        String openName = null;
        int openLine = 0;
        int openStart = -1;
        int contentStart = -1;
        while (i < n) {
            int next = source.indexOf('{', i);
            if (next < 0 || next + 1 >= n) {
                break;
            }
            char c = source.charAt(next + 1);
            if (c == '#') {
                int end = source.indexOf("#}", next + 2);
                i = end < 0 ? n : end + 2;
                continue;
            }
            if (c != '%') {
                i = next + 1;
                continue;
            }
            int tagEnd = findTagEnd(source, next + 2);
            if (tagEnd < 0) {
                break;
            }
            String inner = source.substring(next + 2, tagEnd).strip();
            if (inner.startsWith("-") || inner.startsWith("+")) {
                inner = inner.substring(1).strip();
            }
            if (inner.endsWith("-") || inner.endsWith("+")) {
                inner = inner.substring(0, inner.length() - 1).strip();
            }
            String word = firstWord(inner);
            int after = tagEnd + 2;
            if (word.equals("raw")) {
                int endRaw = findEndRaw(source, after);
                i = endRaw < 0 ? n : endRaw;
                continue;
            }
            if (openTag == null && tags.contains(word)) {
                for (; lineCountedTo < next; lineCountedTo++) {
                    if (source.charAt(lineCountedTo) == '\n') {
                        line++;
                    }
                }
                openTag = word;
                openLine = line;
                openName = firstWord(inner.substring(word.length()).strip());
                openStart = next;
                contentStart = after;
                depth = 1;
            } else if (openTag != null && word.equals(openTag)) {
                depth++;
            } else if (openTag != null && word.equals("end" + openTag)) {
                depth--;
                if (depth == 0) {
                    out.add(new Block(openTag, openName, source.substring(openStart, after), source.substring(contentStart, next),
                            openLine));
                    openTag = null;
                }
            }
            i = after;
        }
        return out;
    }

    private static int findTagEnd(String s, int from) {
        char quote = 0;
        for (int i = from; i < s.length() - 1; i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '%' && s.charAt(i + 1) == '}') {
                return i;
            }
        }
        return -1;
    }

    private static int findEndRaw(String s, int from) {
        int i = from;
        while (true) {
            int next = s.indexOf("{%", i);
            if (next < 0) {
                return -1;
            }
            int end = findTagEnd(s, next + 2);
            if (end < 0) {
                return -1;
            }
            String inner = s.substring(next + 2, end).replace("-", "").replace("+", "").strip();
            if (inner.equals("endraw")) {
                return end + 2;
            }
            i = end + 2;
        }
    }

    private static String firstWord(String s) {
        int end = 0;
        while (end < s.length() && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '_')) {
            end++;
        }
        return s.substring(0, end);
    }

}
