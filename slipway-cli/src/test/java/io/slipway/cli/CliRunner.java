package io.slipway.cli;

import io.slipway.core.execution.InvocationEnvironment;
import io.slipway.core.template.DbtJinja;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;

/** Runs the CLI in-process against a copy of a project, as a user would from a shell. */
final class CliRunner {
    /** Shared across tests so templates are parsed once, as in a long-lived process. */
    private static final DbtJinja JINJA = new DbtJinja();

    record Result(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private final Path home;
    private final Map<String, String> env = new HashMap<>();

    CliRunner(Path home) {
        this.home = home;
    }

    CliRunner env(String key, String value) {
        env.put(key, value);
        return this;
    }

    Result run(Path workingDir, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        InvocationEnvironment environment = new InvocationEnvironment(env, workingDir, home, JINJA);
        int code = Main.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), environment);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs a command on a project, passing {@code --project-dir} as users do. */
    Result inProject(Path project, String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--project-dir";
        all[args.length + 1] = project.toString();
        return run(project, all);
    }

    /** What an {@code ls} prints with {@code --output name}, sorted; the command must succeed. */
    java.util.List<String> names(Path project, String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 3);
        all[args.length] = "--quiet";
        all[args.length + 1] = "--output";
        all[args.length + 2] = "name";
        Result result = inProject(project, all);
        if (result.exitCode() != 0) {
            throw new AssertionError("exit " + result.exitCode() + ":\n" + result.all());
        }
        return result.out().lines().sorted().toList();
    }

    /** Copies a project (without its target folder) into {@code into}. */
    static Path copyProject(Path source, Path into) throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (dir.getFileName().toString().equals("target") && !dir.equals(source)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(into.resolve(source.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, into.resolve(source.relativize(file).toString()));
                return FileVisitResult.CONTINUE;
            }
        });
        return into;
    }

    /** The example project in the repository. */
    static Path exampleProject() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("examples/jaffle_shop"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("examples/jaffle_shop not found above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("examples/jaffle_shop");
    }
}
