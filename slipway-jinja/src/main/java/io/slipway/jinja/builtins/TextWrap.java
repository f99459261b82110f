package io.slipway.jinja.builtins;

import io.slipway.jinja.JinjaException;
import io.slipway.jinja.runtime.Py;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python's {@code textwrap.wrap} as the {@code wordwrap} filter calls it: tabs and whitespace kept,
 * whitespace dropped at line edges, long words broken, hyphenated words split when asked.
 */
final class TextWrap {
    private TextWrap() {
    }

    private static final String WS = "[\\t\\n\\x0b\\x0c\\r ]";
    private static final String NWS = "[^\\t\\n\\x0b\\x0c\\r ]";
    private static final String WORD_PUNCT = "[\\w!\"'&.,?]";
    private static final String LETTER = "[^\\d\\W]";

    /** textwrap's chunk pattern: whitespace runs, em-dashes, and words split after hyphens. */
    private static final Pattern WORDSEP = Pattern.compile(
            "(" + WS + "+"
                    + "|(?<=" + WORD_PUNCT + ")-{2,}(?=\\w)"
                    + "|" + NWS + "+?(?:"
                    + "-(?:(?<=" + LETTER + "{2}-)|(?<=" + LETTER + "-" + LETTER + "-))(?=" + LETTER + "-?" + LETTER + ")"
                    + "|(?=" + WS + "|\\z)"
                    + "|(?<=" + WORD_PUNCT + ")(?=-{2,}\\w)"
                    + "))",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern WORDSEP_SIMPLE = Pattern.compile("(" + WS + "+)");

    static List<String> wrap(String text, int width, boolean breakLongWords, boolean breakOnHyphens) {
        List<String> chunks = split(text, breakOnHyphens ? WORDSEP : WORDSEP_SIMPLE);
        if (width <= 0) {
            throw JinjaException.python("ValueError", "invalid width " + width + " (must be > 0)");
        }
        List<String> lines = new ArrayList<>();
        // chunks are consumed from the front (textwrap reverses and pops from the end)
        int next = 0;
        List<String> reversed = new ArrayList<>(chunks);
        java.util.Collections.reverse(reversed);
        while (!reversed.isEmpty()) {
            List<String> line = new ArrayList<>();
            int len = 0;
            if (isBlank(last(reversed)) && !lines.isEmpty()) {
                reversed.remove(reversed.size() - 1);
            }
            while (!reversed.isEmpty()) {
                int l = Py.len(last(reversed));
                if (len + l <= width) {
                    line.add(reversed.remove(reversed.size() - 1));
                    len += l;
                } else {
                    break;
                }
            }
            if (!reversed.isEmpty() && Py.len(last(reversed)) > width) {
                handleLongWord(reversed, line, len, width, breakLongWords, breakOnHyphens);
            }
            if (!line.isEmpty() && isBlank(line.get(line.size() - 1))) {
                line.remove(line.size() - 1);
            }
            if (!line.isEmpty()) {
                lines.add(String.join("", line));
            }
        }
        return lines;
    }

    private static String last(List<String> l) {
        return l.get(l.size() - 1);
    }

    private static boolean isBlank(String s) {
        return StrMethods.strip(s, null, true, true).isEmpty();
    }

    private static void handleLongWord(List<String> reversed, List<String> line, int len, int width,
                                       boolean breakLongWords, boolean breakOnHyphens) {
        int spaceLeft = width < 1 ? 1 : width - len;
        if (breakLongWords) {
            // positions count code points, as Python's str does
            String chunk = last(reversed);
            int[] cps = chunk.codePoints().toArray();
            int end = spaceLeft;
            if (breakOnHyphens && cps.length > spaceLeft) {
                int hyphen = -1;
                for (int i = Math.min(spaceLeft, cps.length) - 1; i >= 0; i--) {
                    if (cps[i] == '-') {
                        hyphen = i;
                        break;
                    }
                }
                boolean allHyphens = true;
                for (int i = 0; i < hyphen; i++) {
                    allHyphens &= cps[i] == '-';
                }
                if (hyphen > 0 && !allHyphens) {
                    end = hyphen + 1;
                }
            }
            end = Math.min(end, cps.length);
            line.add(new String(cps, 0, end));
            reversed.set(reversed.size() - 1, new String(cps, end, cps.length - end));
        } else if (line.isEmpty()) {
            line.add(reversed.remove(reversed.size() - 1));
        }
    }

    /** {@code re.split} with a capturing pattern, empty pieces dropped. */
    private static List<String> split(String text, Pattern pattern) {
        List<String> out = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        int at = 0;
        while (m.find()) {
            if (m.end() == m.start()) {
                continue;
            }
            if (m.start() > at) {
                out.add(text.substring(at, m.start()));
            }
            out.add(m.group());
            at = m.end();
        }
        if (at < text.length()) {
            out.add(text.substring(at));
        }
        return out;
    }
}
