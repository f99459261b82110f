package io.slipway.testkit;

import io.slipway.core.event.Event;
import io.slipway.core.event.EventSink;
import io.slipway.core.event.Level;
import io.slipway.core.execution.Command;
import io.slipway.core.execution.Invocation;
import io.slipway.core.execution.InvocationEnvironment;
import io.slipway.core.execution.InvocationRequest;
import io.slipway.core.execution.InvocationResult;
import io.slipway.core.project.Yaml;
import io.slipway.core.template.DbtJinja;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the engine in-process as the {@code slipway} command would, with the command's flags written as on
 * the command line ({@code run(project, "build", "--select", "orders", "--threads", "4")}) and the console
 * lines collected. It drives {@link Invocation} directly rather than the CLI's {@code Main}: the CLI module
 * depends on every adapter, and each adapter's tests depend on this testkit.
 */
public final class SlipwayRunner {
    private final DbtJinja jinja = new DbtJinja();
    private final Path home;
    private final Map<String, String> env;

    /**
     * @param home the home directory invocations see (so no {@code ~/.dbt/profiles.yml} of the machine leaks in)
     */
    public SlipwayRunner(Path home, Map<String, String> env) {
        this.home = home;
        this.env = Map.copyOf(env);
    }

    public SlipwayRunner(Path home) {
        this(home, Map.of());
    }

    /** What an invocation printed and returned. */
    public record Result(int exitCode, String out, List<Event> events) {
        @Override
        public String toString() {
            return "exit code " + exitCode + "\n" + out;
        }
    }

    /** Runs {@code command} with its flags on the project in {@code project}, whose profiles.yml is in the project folder. */
    public Result run(Path project, String command, String... flags) {
        InvocationRequest request = request(project, command, List.of(flags));
        return run(request, invocation -> {
        });
    }

    /** Runs a request; {@code started} gets the invocation before it runs (to cancel it from another thread). */
    public Result run(InvocationRequest request, java.util.function.Consumer<Invocation> started) {
        List<Event> events = Collections.synchronizedList(new ArrayList<>());
        StringBuilder out = new StringBuilder();
        EventSink sink = event -> {
            events.add(event);
            if (event.level() != Level.DEBUG) {
                synchronized (out) {
                    out.append(event.message()).append('\n');
                }
            }
        };
        InvocationEnvironment environment = new InvocationEnvironment(env, request.projectDir(), home, jinja);
        Invocation invocation = new Invocation(request, environment, sink);
        started.accept(invocation);
        InvocationResult result = invocation.run();
        synchronized (out) {
            return new Result(result.exitCode(), out.toString(), List.copyOf(events));
        }
    }

    /** The request the command line {@code slipway <command> <flags>} makes, with profiles.yml read from the project folder. */
    @SuppressWarnings("unchecked")
    public static InvocationRequest request(Path project, String command, List<String> flags) {
        Command cmd = switch (command) {
            case "ls", "list" -> Command.LIST;
            default -> Command.valueOf(command.toUpperCase(Locale.ROOT));
        };
        List<String> select = new ArrayList<>();
        List<String> exclude = new ArrayList<>();
        Integer threads = null;
        Map<String, Object> vars = Map.of();
        boolean fullRefresh = false;
        boolean failFast = false;
        String target = null;
        String inline = null;
        Path state = null;
        String eventTimeStart = null;
        String eventTimeEnd = null;
        int limit = cmd == Command.SHOW ? 5 : 10;
        for (int i = 0; i < flags.size(); i++) {
            String flag = flags.get(i);
            switch (flag) {
                case "--select", "-s" -> i = values(flags, i, select);
                case "--exclude" -> i = values(flags, i, exclude);
                case "--threads" -> threads = Integer.parseInt(flags.get(++i));
                case "--vars" -> vars = (Map<String, Object>) Yaml.parse(flags.get(++i), "--vars");
                case "--full-refresh" -> fullRefresh = true;
                case "--fail-fast", "-x" -> failFast = true;
                case "--target", "-t" -> target = flags.get(++i);
                case "--inline" -> inline = flags.get(++i);
                case "--limit" -> limit = Integer.parseInt(flags.get(++i));
                case "--state" -> state = Path.of(flags.get(++i));
                case "--event-time-start" -> eventTimeStart = flags.get(++i);
                case "--event-time-end" -> eventTimeEnd = flags.get(++i);
                default -> throw new IllegalArgumentException("the test runner does not know the flag " + flag);
            }
        }
        return InvocationRequest.builder(cmd, project).profilesDir(project).target(target).select(select).exclude(exclude)
                .threads(threads).vars(vars).fullRefresh(fullRefresh).failFast(failFast).inlineSql(inline).limit(limit).state(state)
                .eventTimeStart(eventTimeStart).eventTimeEnd(eventTimeEnd).build();
    }

    private static int values(List<String> flags, int i, List<String> into) {
        int j = i + 1;
        while (j < flags.size() && !flags.get(j).startsWith("-")) {
            into.add(flags.get(j));
            j++;
        }
        return j - 1;
    }
}
