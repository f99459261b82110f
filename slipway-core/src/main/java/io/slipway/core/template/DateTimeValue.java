package io.slipway.core.template;

import io.slipway.jinja.JinjaCallable;
import io.slipway.jinja.PyObject;
import io.slipway.jinja.runtime.Py;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Python's {@code datetime.datetime} or {@code datetime.date} as templates use them: attributes,
 * {@code strftime}, {@code isoformat}, and printing as Python prints them.
 *
 * @param dateTime the value; for a naive datetime, a zoned value with {@code naive} set
 * @param dateOnly whether this is a {@code date}
 */
public record DateTimeValue(ZonedDateTime dateTime, boolean naive, boolean dateOnly) implements PyObject, Comparable<DateTimeValue> {

    public static DateTimeValue of(LocalDateTime value) {
        return new DateTimeValue(value.atZone(ZoneOffset.UTC), true, false);
    }

    public static DateTimeValue of(ZonedDateTime value) {
        return new DateTimeValue(value, false, false);
    }

    public static DateTimeValue of(LocalDate value) {
        return new DateTimeValue(value.atStartOfDay(ZoneOffset.UTC), true, true);
    }

    @Override
    public Object getAttr(String name) {
        return switch (name) {
            case "year" -> (long) dateTime.getYear();
            case "month" -> (long) dateTime.getMonthValue();
            case "day" -> (long) dateTime.getDayOfMonth();
            case "hour" -> dateOnly ? MISSING : (Object) (long) dateTime.getHour();
            case "minute" -> dateOnly ? MISSING : (Object) (long) dateTime.getMinute();
            case "second" -> dateOnly ? MISSING : (Object) (long) dateTime.getSecond();
            case "microsecond" -> dateOnly ? MISSING : (Object) (long) (dateTime.getNano() / 1000);
            case "tzinfo" -> naive ? null : dateTime.getZone().getId();
            case "strftime" -> (JinjaCallable) (ctx, args) -> strftime(Py.str(args.get(0, "format", "")));
            case "isoformat" -> (JinjaCallable) (ctx, args) -> isoformat(Py.str(args.get(0, "sep", "T")));
            case "date" -> (JinjaCallable) (ctx, args) -> new DateTimeValue(dateTime.toLocalDate().atStartOfDay(ZoneOffset.UTC), true, true);
            case "weekday" -> (JinjaCallable) (ctx, args) -> (long) (dateTime.getDayOfWeek().getValue() - 1);
            case "isoweekday" -> (JinjaCallable) (ctx, args) -> (long) dateTime.getDayOfWeek().getValue();
            case "timestamp" -> (JinjaCallable) (ctx, args) -> dateTime.toEpochSecond() + dateTime.getNano() / 1e9;
            case "replace" -> (JinjaCallable) (ctx, args) -> {
                ZonedDateTime d = dateTime;
                for (var e : args.keywords().entrySet()) {
                    int v = ((Number) e.getValue()).intValue();
                    d = switch (e.getKey()) {
                        case "year" -> d.withYear(v);
                        case "month" -> d.withMonth(v);
                        case "day" -> d.withDayOfMonth(v);
                        case "hour" -> d.withHour(v);
                        case "minute" -> d.withMinute(v);
                        case "second" -> d.withSecond(v);
                        case "microsecond" -> d.withNano(v * 1000);
                        default -> d;
                    };
                }
                return new DateTimeValue(d, naive, dateOnly);
            };
            default -> MISSING;
        };
    }

    /** Python's {@code strftime} for the directives templates use. */
    public String strftime(String format) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 == format.length()) {
                sb.append(c);
                continue;
            }
            char d = format.charAt(++i);
            switch (d) {
                case 'Y' -> sb.append(String.format("%04d", dateTime.getYear()));
                case 'y' -> sb.append(String.format("%02d", dateTime.getYear() % 100));
                case 'm' -> sb.append(String.format("%02d", dateTime.getMonthValue()));
                case 'd' -> sb.append(String.format("%02d", dateTime.getDayOfMonth()));
                case 'H' -> sb.append(String.format("%02d", dateTime.getHour()));
                case 'I' -> sb.append(String.format("%02d", dateTime.getHour() % 12 == 0 ? 12 : dateTime.getHour() % 12));
                case 'M' -> sb.append(String.format("%02d", dateTime.getMinute()));
                case 'S' -> sb.append(String.format("%02d", dateTime.getSecond()));
                case 'f' -> sb.append(String.format("%06d", dateTime.getNano() / 1000));
                case 'p' -> sb.append(dateTime.getHour() < 12 ? "AM" : "PM");
                case 'j' -> sb.append(String.format("%03d", dateTime.getDayOfYear()));
                case 'a' -> sb.append(dateTime.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
                case 'A' -> sb.append(dateTime.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
                case 'w' -> sb.append(dateTime.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : dateTime.getDayOfWeek().getValue());
                case 'b' -> sb.append(dateTime.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
                case 'B' -> sb.append(dateTime.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
                case 'z' -> sb.append(naive ? "" : dateTime.getOffset().getId().equals("Z") ? "+0000" : dateTime.getOffset().getId().replace(":", ""));
                case 'Z' -> sb.append(naive ? "" : dateTime.getOffset().getId().equals("Z") ? "UTC" : dateTime.getZone().getId());
                case '%' -> sb.append('%');
                default -> sb.append('%').append(d);
            }
        }
        return sb.toString();
    }

    private String isoformat(String sep) {
        if (dateOnly) {
            return strftime("%Y-%m-%d");
        }
        String s = strftime("%Y-%m-%d") + sep + strftime("%H:%M:%S") + (dateTime.getNano() / 1000 != 0 ? strftime(".%f") : "");
        return naive ? s : s + offset();
    }

    private String offset() {
        String id = dateTime.getOffset().getId();
        return id.equals("Z") ? "+00:00" : id;
    }

    @Override
    public String str() {
        return isoformat(" ");
    }

    @Override
    public String repr() {
        if (dateOnly) {
            return "datetime.date(" + dateTime.getYear() + ", " + dateTime.getMonthValue() + ", " + dateTime.getDayOfMonth() + ")";
        }
        return "datetime.datetime(" + dateTime.getYear() + ", " + dateTime.getMonthValue() + ", " + dateTime.getDayOfMonth() + ", "
                + dateTime.getHour() + ", " + dateTime.getMinute() + (dateTime.getSecond() != 0 || dateTime.getNano() != 0 ? ", " + dateTime.getSecond() : "")
                + (dateTime.getNano() != 0 ? ", " + dateTime.getNano() / 1000 : "") + (naive ? "" : ", tzinfo=datetime.timezone.utc") + ")";
    }

    @Override
    public int compareTo(DateTimeValue o) {
        return dateTime.toInstant().compareTo(o.dateTime.toInstant());
    }
}
