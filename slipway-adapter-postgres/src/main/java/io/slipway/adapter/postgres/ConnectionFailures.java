package io.slipway.adapter.postgres;

import io.slipway.adapter.AdapterErrorCode;
import io.slipway.adapter.AdapterException;
import org.postgresql.util.PSQLException;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

/**
 * Says why a connection failed in the profile's terms (which setting to check), from the driver's
 * exception buried under the pool's.
 */
final class ConnectionFailures {
    private ConnectionFailures() {
    }

    static AdapterException describe(PostgresSettings settings, Throwable failure) {
        if (failure instanceof AdapterException a) {
            return a;
        }
        String where = "PostgreSQL at " + settings.address();
        PSQLException psql = find(failure, PSQLException.class);
        String state = psql == null ? null : psql.getSQLState();
        String message;
        if ("28P01".equals(state) || (psql != null && String.valueOf(psql.getMessage()).contains("password authentication failed"))) {
            message = "password authentication failed for user '" + settings.user() + "' on " + where
                    + ". Check 'user' and 'password' in the profile.";
        } else if ("3D000".equals(state)) {
            message = "database '" + settings.dbname() + "' does not exist on " + where
                    + ". Check 'dbname' in the profile, or create the database.";
        } else if ("28000".equals(state)) {
            message = where + " refused user '" + settings.user() + "': " + serverMessage(psql)
                    + ". Check 'user' in the profile and the server's pg_hba.conf.";
        } else if (find(failure, UnknownHostException.class) != null) {
            message = "unknown host '" + settings.host() + "'. Check 'host' in the profile.";
        } else if (find(failure, ConnectException.class) != null || find(failure, NoRouteToHostException.class) != null) {
            message = "could not reach " + where + " (connection refused). Check 'host' and 'port' in the profile, and that the server"
                    + " is running and accepts TCP connections.";
        } else if (find(failure, SocketTimeoutException.class) != null) {
            message = "no answer from " + where + " within connect_timeout (" + settings.connectTimeout()
                    + " s). Check 'host' and 'port' in the profile and the network in between.";
        } else {
            Throwable root = psql != null ? psql : rootCause(failure);
            message = "could not connect to " + where + " as user '" + settings.user() + "': " + serverMessage(root);
        }
        return new AdapterException(AdapterErrorCode.CONNECTION_FAILED, message, failure);
    }

    private static String serverMessage(Throwable t) {
        String m = t.getMessage() == null ? t.toString() : t.getMessage();
        return m.replaceFirst("^FATAL: ", "").strip();
    }

    private static Throwable rootCause(Throwable t) {
        Throwable current = t;
        while (current.getCause() != null && current.getCause() != current) {
            current = current.getCause();
        }
        return current;
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable current = t; current != null; current = current.getCause() == current ? null : current.getCause()) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
        }
        return null;
    }
}
