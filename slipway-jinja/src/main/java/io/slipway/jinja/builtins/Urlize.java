package io.slipway.jinja.builtins;

import io.slipway.jinja.runtime.PyMarkup;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Jinja2's {@code urlize}: turns URLs and email addresses in text into links, escaping the rest. */
final class Urlize {
    private Urlize() {
    }

    private static final Pattern HTTP = Pattern.compile(
            "^((https?://|www\\.)(([\\w%-]+\\.)+)?([a-z]{2,63}|xn--[\\w%]{2,59})"
                    + "|([\\w%-]{2,63}\\.)+(com|net|int|edu|gov|org|info|mil)"
                    + "|(https?://)((([\\d]{1,3})(\\.[\\d]{1,3}){3})|(\\[([\\da-f]{0,4}:){2}([\\da-f]{0,4}:?){1,6}])))"
                    + "(?::[\\d]{1,5})?(?:[/?#]\\S*)?$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern EMAIL = Pattern.compile("^\\S+@\\w[\\w.-]*\\.\\w+$", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern SCHEME = Pattern.compile("^([\\w.+-]{2,}:(/){0,2})$", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern SPACES = Pattern.compile("(\\s+)", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern HEAD = Pattern.compile("^([(<]|&lt;)+");
    private static final Pattern TAIL = Pattern.compile("([)>.,\\n]|&gt;)+$");

    static boolean validScheme(String scheme) {
        return SCHEME.matcher(scheme).matches();
    }

    static String urlize(String text, Integer trimLimit, String rel, String target, List<String> extraSchemes) {
        String escaped = PyMarkup.escapeText(text);
        String relAttr = rel != null ? " rel=\"" + PyMarkup.escapeText(rel) + "\"" : "";
        String targetAttr = target != null && !target.isEmpty() ? " target=\"" + PyMarkup.escapeText(target) + "\"" : "";
        StringBuilder out = new StringBuilder();
        Matcher ws = SPACES.matcher(escaped);
        int at = 0;
        while (ws.find()) {
            out.append(word(escaped.substring(at, ws.start()), trimLimit, relAttr, targetAttr, extraSchemes));
            out.append(ws.group());
            at = ws.end();
        }
        out.append(word(escaped.substring(at), trimLimit, relAttr, targetAttr, extraSchemes));
        return out.toString();
    }

    private static String word(String word, Integer trimLimit, String relAttr, String targetAttr, List<String> extraSchemes) {
        String head = "";
        String middle = word;
        String tail = "";
        Matcher m = HEAD.matcher(middle);
        if (m.find()) {
            head = m.group();
            middle = middle.substring(m.end());
        }
        if (middle.endsWith(")") || middle.endsWith(">") || middle.endsWith(".") || middle.endsWith(",")
                || middle.endsWith("\n") || middle.endsWith("&gt;")) {
            m = TAIL.matcher(middle);
            if (m.find()) {
                tail = m.group();
                middle = middle.substring(0, m.start());
            }
        }
        String[][] pairs = {{"(", ")"}, {"<", ">"}, {"&lt;", "&gt;"}};
        for (String[] pair : pairs) {
            int startCount = count(middle, pair[0]);
            if (startCount <= count(middle, pair[1])) {
                continue;
            }
            int times = Math.min(startCount, count(tail, pair[1]));
            for (int i = 0; i < times; i++) {
                int endIndex = tail.indexOf(pair[1]) + pair[1].length();
                middle += tail.substring(0, endIndex);
                tail = tail.substring(endIndex);
            }
        }
        if (HTTP.matcher(middle).matches()) {
            String shown = trim(middle, trimLimit);
            if (middle.startsWith("https://") || middle.startsWith("http://")) {
                middle = "<a href=\"" + middle + "\"" + relAttr + targetAttr + ">" + shown + "</a>";
            } else {
                middle = "<a href=\"https://" + middle + "\"" + relAttr + targetAttr + ">" + shown + "</a>";
            }
        } else if (middle.startsWith("mailto:") && EMAIL.matcher(middle.substring(7)).matches()) {
            middle = "<a href=\"" + middle + "\">" + middle.substring(7) + "</a>";
        } else if (middle.contains("@") && !middle.startsWith("www.") && !middle.startsWith("@")
                && !middle.contains(":") && EMAIL.matcher(middle).matches()) {
            middle = "<a href=\"mailto:" + middle + "\">" + middle + "</a>";
        } else if (extraSchemes != null) {
            for (String scheme : extraSchemes) {
                if (!middle.equals(scheme) && middle.startsWith(scheme)) {
                    middle = "<a href=\"" + middle + "\"" + relAttr + targetAttr + ">" + middle + "</a>";
                }
            }
        }
        return head + middle + tail;
    }

    private static String trim(String url, Integer limit) {
        if (limit != null && url.length() > limit) {
            return url.substring(0, Math.max(0, limit)) + "...";
        }
        return url;
    }

    private static int count(String s, String sub) {
        int n = 0;
        int at = 0;
        while ((at = s.indexOf(sub, at)) >= 0) {
            n++;
            at += sub.length();
        }
        return n;
    }
}
