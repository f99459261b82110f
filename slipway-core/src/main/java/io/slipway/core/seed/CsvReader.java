package io.slipway.core.seed;

import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV with a configurable delimiter: quoted fields, doubled quotes, newlines inside quotes, a BOM. */
public final class CsvReader {
    private CsvReader() {
    }

    /** All records of the text, the header first. Blank trailing lines are ignored. */
    public static List<List<String>> read(String text, char delimiter, String file) {
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int line = 1;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
                continue;
            }
            if (c == '"' && field.length() == 0 && !fieldStarted) {
                quoted = true;
                fieldStarted = true;
            } else if (c == delimiter) {
                record.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
            } else if (c == '\r') {
                // CRLF: the \n ends the record
            } else if (c == '\n') {
                record.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
                addRecord(records, record);
                record = new ArrayList<>();
                line++;
            } else {
                field.append(c);
                fieldStarted = true;
            }
        }
        if (quoted) {
            throw new SlipwayException(ErrorCode.PROJECT_INVALID, "unterminated quoted field in " + file + " near line " + line, file, line);
        }
        if (field.length() > 0 || !record.isEmpty() || fieldStarted) {
            record.add(field.toString());
            addRecord(records, record);
        }
        return records;
    }

    private static void addRecord(List<List<String>> records, List<String> record) {
        if (record.size() == 1 && record.get(0).isEmpty()) {
            return;
        }
        records.add(record);
    }
}
