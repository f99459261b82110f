package io.slipway.core.template;

import io.slipway.adapter.QueryResult;
import io.slipway.jinja.PyObject;

import java.util.LinkedHashMap;
import java.util.Map;

/** dbt's {@code AdapterResponse}: {@code _message}, {@code code}, {@code rows_affected}; prints as the message. */
public record AdapterResponseValue(String message, String code, Long rowsAffected) implements PyObject {
    public static AdapterResponseValue of(QueryResult result) {
        return new AdapterResponseValue(result.message(), result.code(), result.rowsAffected() < 0 ? null : result.rowsAffected());
    }

    @Override
    public Object getAttr(String name) {
        return switch (name) {
            case "_message" -> message;
            case "code" -> code;
            case "rows_affected" -> rowsAffected;
            default -> MISSING;
        };
    }

    /** As run_results.json records it. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("_message", message);
        if (code != null) {
            m.put("code", code);
        }
        if (rowsAffected != null) {
            m.put("rows_affected", rowsAffected);
        }
        return m;
    }

    @Override
    public String str() {
        return message;
    }

    @Override
    public String repr() {
        return "AdapterResponse(_message=" + message + ")";
    }
}
