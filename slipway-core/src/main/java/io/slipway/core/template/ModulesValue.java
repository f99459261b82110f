package io.slipway.core.template;

import io.slipway.jinja.Arguments;
import io.slipway.jinja.JinjaCallable;
import io.slipway.jinja.PyObject;
import io.slipway.jinja.PyTuple;
import io.slipway.jinja.runtime.Py;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** dbt's {@code modules}: {@code datetime}, {@code re} and {@code pytz}, as far as templates use them. */
final class ModulesValue implements PyObject {
    private static final PyObject DATETIME = new DatetimeModule();
    private static final PyObject RE = new ReModule();
    private static final PyObject PYTZ = name -> switch (name) {
        case "utc", "UTC" -> "UTC";
        case "timezone" -> (JinjaCallable) (ctx, args) -> Py.str(args.get(0, "zone", "UTC"));
        default -> MISSING;
    };

    @Override
    public Object getAttr(String name) {
        return switch (name) {
            case "datetime" -> DATETIME;
            case "re" -> RE;
            case "pytz" -> PYTZ;
            default -> MISSING;
        };
    }

    /** The {@code datetime} module. */
    private static final class DatetimeModule implements PyObject {
        private final PyObject datetimeClass = new DatetimeClass();
        private final PyObject dateClass = new DateClass();

        @Override
        public Object getAttr(String name) {
            return switch (name) {
                case "datetime" -> datetimeClass;
                case "date" -> dateClass;
                case "timedelta" -> (JinjaCallable) (ctx, args) -> timedelta(args);
                case "timezone" -> (PyObject) attr -> attr.equals("utc") ? "UTC" : MISSING;
                default -> MISSING;
            };
        }

        private static Object timedelta(Arguments args) {
            double days = num(args.get(0, "days", 0L)) + 7 * num(args.get(-1, "weeks", 0L));
            double seconds = num(args.get(1, "seconds", 0L)) + 60 * num(args.get(-1, "minutes", 0L)) + 3600 * num(args.get(-1, "hours", 0L));
            return Duration.ofMillis(Math.round((days * 86400 + seconds) * 1000));
        }

        private static double num(Object o) {
            return o instanceof Number n ? n.doubleValue() : 0;
        }
    }

    /** {@code datetime.datetime}: callable as a constructor, with class methods. */
    private static final class DatetimeClass implements PyObject, JinjaCallable {
        @Override
        public Object call(io.slipway.jinja.CallContext context, Arguments args) {
            int[] parts = new int[7];
            String[] names = {"year", "month", "day", "hour", "minute", "second", "microsecond"};
            for (int i = 0; i < 7; i++) {
                Object v = args.get(i, names[i], i < 3 ? 1L : 0L);
                parts[i] = ((Number) v).intValue();
            }
            return DateTimeValue.of(LocalDateTime.of(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5], parts[6] * 1000));
        }

        @Override
        public Object getAttr(String name) {
            return switch (name) {
                case "now" -> (JinjaCallable) (ctx, args) -> args.positional().isEmpty() && !args.keywords().containsKey("tz")
                        ? DateTimeValue.of(LocalDateTime.now())
                        : DateTimeValue.of(ZonedDateTime.now(ZoneOffset.UTC));
                case "utcnow" -> (JinjaCallable) (ctx, args) -> DateTimeValue.of(LocalDateTime.now(ZoneOffset.UTC));
                case "today" -> (JinjaCallable) (ctx, args) -> DateTimeValue.of(LocalDateTime.now());
                case "fromisoformat" -> (JinjaCallable) (ctx, args) -> parseIso(Py.str(args.get(0, "date_string", "")));
                case "strptime" -> (JinjaCallable) (ctx, args) -> strptime(Py.str(args.get(0, "date_string", "")), Py.str(args.get(1, "format", "")));
                default -> MISSING;
            };
        }

        private static Object parseIso(String s) {
            String t = s.trim().replace(' ', 'T');
            if (t.length() == 10) {
                return DateTimeValue.of(LocalDate.parse(t).atStartOfDay());
            }
            if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return DateTimeValue.of(ZonedDateTime.parse(t));
            }
            return DateTimeValue.of(LocalDateTime.parse(t));
        }

        private static Object strptime(String value, String format) {
            StringBuilder pattern = new StringBuilder();
            for (int i = 0; i < format.length(); i++) {
                char c = format.charAt(i);
                if (c == '%' && i + 1 < format.length()) {
                    char d = format.charAt(++i);
                    pattern.append(switch (d) {
                        case 'Y' -> "yyyy";
                        case 'm' -> "MM";
                        case 'd' -> "dd";
                        case 'H' -> "HH";
                        case 'M' -> "mm";
                        case 'S' -> "ss";
                        case 'f' -> "SSSSSS";
                        case 'y' -> "yy";
                        case 'b' -> "MMM";
                        case 'B' -> "MMMM";
                        case 'j' -> "DDD";
                        default -> "'" + d + "'";
                    });
                } else if (Character.isLetter(c)) {
                    pattern.append('\'').append(c).append('\'');
                } else {
                    pattern.append(c);
                }
            }
            DateTimeFormatter formatter = DateTimeFormatter.ofPattern(pattern.toString(), java.util.Locale.ENGLISH);
            if (format.contains("%H") || format.contains("%M") || format.contains("%S")) {
                return DateTimeValue.of(LocalDateTime.parse(value, formatter));
            }
            return DateTimeValue.of(LocalDate.parse(value, formatter).atStartOfDay());
        }
    }

    /** {@code datetime.date}. */
    private static final class DateClass implements PyObject, JinjaCallable {
        @Override
        public Object call(io.slipway.jinja.CallContext context, Arguments args) {
            return DateTimeValue.of(LocalDate.of(((Number) args.get(0, "year", 1L)).intValue(),
                    ((Number) args.get(1, "month", 1L)).intValue(), ((Number) args.get(2, "day", 1L)).intValue()));
        }

        @Override
        public Object getAttr(String name) {
            return switch (name) {
                case "today" -> (JinjaCallable) (ctx, args) -> DateTimeValue.of(LocalDate.now());
                case "fromisoformat" -> (JinjaCallable) (ctx, args) -> DateTimeValue.of(LocalDate.parse(Py.str(args.get(0, "date_string", ""))));
                default -> MISSING;
            };
        }
    }

    /** The {@code re} module over Java's regular expressions, translating Python's syntax where it differs. */
    private static final class ReModule implements PyObject {
        private static final long IGNORECASE = 2;
        private static final long MULTILINE = 8;
        private static final long DOTALL = 16;
        private static final long VERBOSE = 64;

        @Override
        public Object getAttr(String name) {
            return switch (name) {
                case "I", "IGNORECASE" -> IGNORECASE;
                case "M", "MULTILINE" -> MULTILINE;
                case "S", "DOTALL" -> DOTALL;
                case "X", "VERBOSE" -> VERBOSE;
                case "compile" -> (JinjaCallable) (ctx, args) -> new PatternValue(compile(args.get(0, "pattern", ""), args.get(1, "flags", 0L)));
                case "escape" -> (JinjaCallable) (ctx, args) -> escape(Py.str(args.get(0, "pattern", "")));
                case "sub", "match", "search", "fullmatch", "findall", "split" -> (JinjaCallable) (ctx, args) -> {
                    int flagsIndex = switch (name) {
                        case "sub" -> 4;
                        case "split" -> 3;
                        default -> 2;
                    };
                    PatternValue p = new PatternValue(compile(args.get(0, "pattern", ""), args.get(flagsIndex, "flags", 0L)));
                    List<Object> rest = new ArrayList<>(args.positional().subList(Math.min(1, args.positional().size()), args.positional().size()));
                    java.util.Map<String, Object> kw = new java.util.LinkedHashMap<>(args.keywords());
                    kw.remove("pattern");
                    kw.remove("flags");
                    if (rest.size() >= flagsIndex) {
                        rest = rest.subList(0, flagsIndex - 1);
                    }
                    return ((JinjaCallable) p.getAttr(name)).call(ctx, Arguments.of(rest, kw));
                };
                default -> MISSING;
            };
        }

        private static Pattern compile(Object pattern, Object flags) {
            if (pattern instanceof PatternValue p) {
                return p.pattern;
            }
            long f = flags instanceof Number n ? n.longValue() : 0;
            int javaFlags = 0;
            if ((f & IGNORECASE) != 0) {
                javaFlags |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
            }
            if ((f & MULTILINE) != 0) {
                javaFlags |= Pattern.MULTILINE;
            }
            if ((f & DOTALL) != 0) {
                javaFlags |= Pattern.DOTALL;
            }
            if ((f & VERBOSE) != 0) {
                javaFlags |= Pattern.COMMENTS;
            }
            String p = Py.str(pattern).replace("(?P<", "(?<").replaceAll("\\(\\?P=(\\w+)\\)", "\\\\k<$1>");
            return Pattern.compile(p, javaFlags);
        }

        private static String escape(String s) {
            StringBuilder sb = new StringBuilder();
            for (char c : s.toCharArray()) {
                if (!Character.isLetterOrDigit(c) && c != '_' && c < 128) {
                    sb.append('\\');
                }
                sb.append(c);
            }
            return sb.toString();
        }
    }

    /** A compiled pattern. */
    private record PatternValue(Pattern pattern) implements PyObject {
        @Override
        public Object getAttr(String name) {
            return switch (name) {
                case "pattern" -> pattern.pattern();
                case "match" -> (JinjaCallable) (ctx, args) -> {
                    Matcher m = pattern.matcher(Py.str(args.get(0, "string", "")));
                    return m.lookingAt() ? new MatchValue(m.toMatchResult()) : null;
                };
                case "fullmatch" -> (JinjaCallable) (ctx, args) -> {
                    Matcher m = pattern.matcher(Py.str(args.get(0, "string", "")));
                    return m.matches() ? new MatchValue(m.toMatchResult()) : null;
                };
                case "search" -> (JinjaCallable) (ctx, args) -> {
                    Matcher m = pattern.matcher(Py.str(args.get(0, "string", "")));
                    return m.find() ? new MatchValue(m.toMatchResult()) : null;
                };
                case "findall" -> (JinjaCallable) (ctx, args) -> {
                    Matcher m = pattern.matcher(Py.str(args.get(0, "string", "")));
                    List<Object> out = new ArrayList<>();
                    while (m.find()) {
                        if (m.groupCount() == 0) {
                            out.add(m.group());
                        } else if (m.groupCount() == 1) {
                            out.add(m.group(1) == null ? "" : m.group(1));
                        } else {
                            Object[] groups = new Object[m.groupCount()];
                            for (int i = 0; i < groups.length; i++) {
                                groups[i] = m.group(i + 1) == null ? "" : m.group(i + 1);
                            }
                            out.add(PyTuple.of(groups));
                        }
                    }
                    return out;
                };
                case "split" -> (JinjaCallable) (ctx, args) -> {
                    String s = Py.str(args.get(0, "string", ""));
                    long max = Args.integer(args, 1, "maxsplit", 0);
                    return new ArrayList<Object>(List.of(pattern.split(s, max <= 0 ? -1 : (int) max + 1)));
                };
                case "sub" -> (JinjaCallable) (ctx, args) -> {
                    String repl = Py.str(args.get(0, "repl", ""));
                    String s = Py.str(args.get(1, "string", ""));
                    long count = Args.integer(args, 2, "count", 0);
                    Matcher m = pattern.matcher(s);
                    String javaRepl = translateReplacement(repl);
                    if (count <= 0) {
                        return m.replaceAll(javaRepl);
                    }
                    StringBuilder sb = new StringBuilder();
                    long n = 0;
                    while (n < count && m.find()) {
                        m.appendReplacement(sb, javaRepl);
                        n++;
                    }
                    m.appendTail(sb);
                    return sb.toString();
                };
                default -> MISSING;
            };
        }

        private static String translateReplacement(String repl) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < repl.length(); i++) {
                char c = repl.charAt(i);
                if (c == '$') {
                    sb.append("\\$");
                } else if (c == '\\' && i + 1 < repl.length()) {
                    char d = repl.charAt(i + 1);
                    if (Character.isDigit(d)) {
                        sb.append('$').append(d);
                        i++;
                    } else if (d == 'g' && i + 2 < repl.length() && repl.charAt(i + 2) == '<') {
                        int end = repl.indexOf('>', i);
                        String group = repl.substring(i + 3, end);
                        sb.append(group.chars().allMatch(Character::isDigit) ? "$" + group : "${" + group + "}");
                        i = end;
                    } else if (d == 'n') {
                        sb.append('\n');
                        i++;
                    } else if (d == '\\') {
                        sb.append("\\\\");
                        i++;
                    } else {
                        sb.append("\\\\");
                    }
                } else {
                    sb.append(c);
                }
            }
            return sb.toString();
        }

        @Override
        public String repr() {
            return "re.compile(" + Py.repr(pattern.pattern()) + ")";
        }
    }

    /** A match. */
    private record MatchValue(java.util.regex.MatchResult match) implements PyObject {
        @Override
        public Object getAttr(String name) {
            return switch (name) {
                case "group" -> (JinjaCallable) (ctx, args) -> {
                    Object g = args.get(0, "group", 0L);
                    return g instanceof Number n ? match.group(n.intValue()) : matchNamed(g.toString());
                };
                case "groups" -> (JinjaCallable) (ctx, args) -> {
                    Object[] groups = new Object[match.groupCount()];
                    for (int i = 0; i < groups.length; i++) {
                        groups[i] = match.group(i + 1);
                    }
                    return PyTuple.of(groups);
                };
                case "start" -> (JinjaCallable) (ctx, args) -> (long) match.start();
                case "end" -> (JinjaCallable) (ctx, args) -> (long) match.end();
                case "span" -> (JinjaCallable) (ctx, args) -> PyTuple.of((long) match.start(), (long) match.end());
                default -> MISSING;
            };
        }

        private Object matchNamed(String name) {
            if (match instanceof Matcher m) {
                return m.group(name);
            }
            throw new IllegalArgumentException("named groups are not available on this match: " + name);
        }
    }
}
