package io.slipway.core.execution;

import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;
import io.slipway.core.manifest.Node;
import io.slipway.core.manifest.NodeConfig;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The batches a microbatch model (dbt 1.9, {@code incremental_strategy: microbatch}) builds, in UTC: from
 * {@code begin} when the table is new or fully refreshed, else the {@code lookback} batches before the current
 * one; always up to and including the batch that holds the current time; {@code --event-time-start} and
 * {@code --event-time-end} choose the range instead.
 */
record MicrobatchPlan(String eventTime, String batchSize, List<Batch> batches) {
    private static final DateTimeFormatter SQL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    MicrobatchPlan {
        batches = List.copyOf(batches);
    }

    /** One batch: event times from {@code start} (inclusive) to {@code end} (exclusive). */
    record Batch(LocalDateTime start, LocalDateTime end, String batchSize) {
        /** dbt's batch id: the start's digits down to the batch size ({@code 20240101}). */
        String id() {
            String digits = start.format(DateTimeFormatter.ofPattern("yyyyMMddHH"));
            return switch (batchSize) {
                case "year" -> digits.substring(0, 4);
                case "month" -> digits.substring(0, 6);
                case "day" -> digits.substring(0, 8);
                default -> digits;
            };
        }

        /** How console lines name the batch: its start date, or date and time for hourly batches. */
        String label() {
            return batchSize.equals("hour") ? start.format(SQL) : start.toLocalDate().toString();
        }

        /** The bounds as run_results.json's batch_results records them (Python's isoformat of an aware UTC datetime). */
        String isoStart() {
            return start.format(ISO) + "+00:00";
        }

        String isoEnd() {
            return end.format(ISO) + "+00:00";
        }

        /** A bound as dbt prints it into SQL (Python's str of an aware UTC datetime). */
        static String sql(LocalDateTime time) {
            return time.format(SQL) + "+00:00";
        }
    }

    static boolean isMicrobatch(Node node) {
        return node.resourceType() == io.slipway.core.manifest.ResourceType.MODEL && "incremental".equals(node.materialized())
                && "microbatch".equals(String.valueOf(node.config().get("incremental_strategy")));
    }

    /**
     * @param exists      whether the model's table exists
     * @param fullRefresh whether this run rebuilds it
     * @param start       {@code --event-time-start}, or null
     * @param end         {@code --event-time-end}, or null
     * @param now         the invocation's start
     */
    static MicrobatchPlan of(Node node, boolean exists, boolean fullRefresh, String start, String end, ZonedDateTime now) {
        NodeConfig config = node.config();
        String where = node.originalFilePath();
        Object eventTime = config.get("event_time");
        if (eventTime == null || eventTime.toString().isBlank()) {
            throw invalid("Microbatch model '" + node.name() + "' must provide an 'event_time' (string) config that names its event time column", where);
        }
        String size = config.get("batch_size") == null ? "" : config.get("batch_size").toString().toLowerCase(Locale.ROOT);
        if (!List.of("hour", "day", "month", "year").contains(size)) {
            throw invalid("Microbatch model '" + node.name() + "' must provide a 'batch_size' config that is one of [hour, day, month, year]; got '"
                    + config.get("batch_size") + "'", where);
        }
        if (start != null && end != null && !parse(start, "--event-time-start", where).isBefore(parse(end, "--event-time-end", where))) {
            throw new SlipwayException(ErrorCode.USAGE, "--event-time-start (" + start + ") must come before --event-time-end (" + end + ")");
        }
        LocalDateTime current = now.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
        LocalDateTime first;
        if (start != null) {
            first = truncate(parse(start, "--event-time-start", where), size);
        } else if (!exists || fullRefresh) {
            Object begin = config.get("begin");
            if (begin == null || begin.toString().isBlank()) {
                throw invalid("Microbatch model '" + node.name() + "' must provide a 'begin' (datetime) config: where its first build starts", where);
            }
            first = truncate(parse(begin.toString(), "begin", where), size);
        } else {
            long lookback = config.get("lookback") instanceof Number n ? n.longValue() : 1;
            first = plus(truncate(current, size), size, -lookback);
        }
        LocalDateTime last = end != null ? parse(end, "--event-time-end", where) : plus(truncate(current, size), size, 1);
        List<Batch> batches = new ArrayList<>();
        for (LocalDateTime at = first; at.isBefore(last); at = plus(at, size, 1)) {
            LocalDateTime next = plus(at, size, 1);
            batches.add(new Batch(at, next.isAfter(last) ? last : next, size));
        }
        return new MicrobatchPlan(eventTime.toString(), size, batches);
    }

    private static LocalDateTime parse(String text, String what, String where) {
        String value = text.trim().replace(' ', 'T');
        try {
            if (value.length() <= 10) {
                return LocalDate.parse(value).atStartOfDay();
            }
            if (value.endsWith("Z") || value.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return java.time.OffsetDateTime.parse(value).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
            }
            return LocalDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid("'" + text + "' (" + what + ") is not a date or datetime; write 2024-01-01 or 2024-01-01 06:00:00", where);
        }
    }

    private static LocalDateTime truncate(LocalDateTime time, String size) {
        return switch (size) {
            case "hour" -> time.truncatedTo(ChronoUnit.HOURS);
            case "day" -> time.truncatedTo(ChronoUnit.DAYS);
            case "month" -> time.toLocalDate().withDayOfMonth(1).atStartOfDay();
            default -> time.toLocalDate().withDayOfYear(1).atStartOfDay();
        };
    }

    private static LocalDateTime plus(LocalDateTime time, String size, long count) {
        return switch (size) {
            case "hour" -> time.plusHours(count);
            case "day" -> time.plusDays(count);
            case "month" -> time.plusMonths(count);
            default -> time.plusYears(count);
        };
    }

    private static SlipwayException invalid(String message, String where) {
        return new SlipwayException(ErrorCode.COMPILATION_ERROR, message, where, 0);
    }
}
