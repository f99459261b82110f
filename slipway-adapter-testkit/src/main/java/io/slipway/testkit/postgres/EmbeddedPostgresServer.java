package io.slipway.testkit.postgres;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * A PostgreSQL server run from the binaries zonky publishes as a Maven artifact, so tests need nothing
 * installed. PostgreSQL refuses to run as root (CI and these machines run as root), so as root the server
 * runs as {@code nobody} through {@code setpriv}; zonky's own launcher has no such option, which is why
 * only its binaries are used. Password authentication is on, so tests can check a wrong password.
 */
public final class EmbeddedPostgresServer implements PostgresServer {
    private static final String USER = "postgres";
    private static final String PASSWORD = "slipway";
    private static final int NOBODY = 65534;

    private final Path binaries;
    private final Path work;
    private final int port;
    private final boolean asNobody;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private EmbeddedPostgresServer(Path binaries, Path work, int port, boolean asNobody) {
        this.binaries = binaries;
        this.work = work;
        this.port = port;
        this.asNobody = asNobody;
    }

    /** Extracts the binaries (once per machine), creates a cluster in a temporary folder and starts it. */
    public static EmbeddedPostgresServer start() {
        try {
            Path base = Path.of(System.getProperty("java.io.tmpdir"), "slipway-embedded-postgres");
            Files.createDirectories(base);
            setMode(base, "rwxr-xr-x");
            Path binaries = extractBinaries(base);
            boolean asNobody = isRoot();
            if (asNobody && !onPath("setpriv")) {
                throw new IOException("PostgreSQL refuses to run as root, and setpriv (util-linux), which would run it as nobody,"
                        + " is not installed; install util-linux, run the tests as another user, or set " + ExternalPostgresServer.ENV
                        + " to a server's URL");
            }
            Path work = Files.createTempDirectory(base, "cluster-");
            setMode(work, "rwx------");
            if (asNobody) {
                chownTree(work);
            }
            Path pwfile = work.resolve("pwfile");
            Files.writeString(pwfile, PASSWORD + "\n");
            if (asNobody) {
                chownTree(pwfile);
            }
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(binaries, work, freePort(), asNobody);
            server.initAndStart();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL server: " + e.getMessage(), e);
        }
    }

    private void initAndStart() throws IOException {
        Path data = work.resolve("data");
        run("initdb", List.of("-D", data.toString(), "-U", USER, "--pwfile=" + work.resolve("pwfile"), "--auth=scram-sha-256",
                "-E", "UTF8", "--locale=C", "--no-sync"), work.resolve("initdb.log"));
        // settings for a throwaway test cluster: loopback only, no durability, room for every test thread
        String settings = String.join("\n",
                "", "port = " + port,
                "listen_addresses = '127.0.0.1'",
                "unix_socket_directories = '" + work + "'",
                "max_connections = 200",
                "fsync = off",
                "synchronous_commit = off",
                "full_page_writes = off",
                "timezone = 'UTC'",
                "");
        Files.writeString(data.resolve("postgresql.conf"), settings, StandardOpenOption.APPEND);
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "slipway-embedded-postgres-stop"));
        run("pg_ctl", List.of("-D", data.toString(), "-l", work.resolve("postgres.log").toString(), "-w", "-t", "60", "start"),
                work.resolve("pg_ctl.log"));
    }

    private void run(String program, List<String> args, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        if (asNobody) {
            command.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"));
        }
        command.add(binaries.resolve("bin").resolve(program + (isWindows() ? ".exe" : "")).toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("LC_ALL", "C");
        Process process = builder.start();
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException(program + " did not finish within 2 minutes; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + program, e);
        }
        if (process.exitValue() != 0) {
            String output = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            Path serverLog = work.resolve("postgres.log");
            if (Files.exists(serverLog)) {
                output += "\n" + Files.readString(serverLog, StandardCharsets.UTF_8);
            }
            throw new IOException(program + " failed with exit code " + process.exitValue() + ":\n" + output.strip());
        }
    }

    @Override
    public String host() {
        return "127.0.0.1";
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String user() {
        return USER;
    }

    @Override
    public String password() {
        return PASSWORD;
    }

    @Override
    public String adminDatabase() {
        return "postgres";
    }

    @Override
    public void close() {
        if (stopped.getAndSet(true)) {
            return;
        }
        try {
            run("pg_ctl", List.of("-D", work.resolve("data").toString(), "-m", "immediate", "-w", "-t", "20", "stop"), work.resolve("stop.log"));
        } catch (IOException e) {
            // the server may already be gone; deleting its folder below makes it shut down on its own
        }
        deleteTree(work);
    }

    /** The binaries of this platform, extracted under {@code base/<digest>} unless an earlier run did. */
    private static Path extractBinaries(Path base) throws IOException {
        byte[] archive;
        try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system(), architecture())) {
            archive = in.readAllBytes();
        }
        Path target = base.resolve("pg-" + digest(archive));
        Path done = target.resolve(".extracted");
        if (Files.exists(done)) {
            return target;
        }
        // test JVMs of several modules may start at once; one extracts, the others wait
        try (FileChannel channel = FileChannel.open(base.resolve(target.getFileName() + ".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            FileLock lock = channel.lock();
            try {
                if (!Files.exists(done)) {
                    extract(archive, target);
                    Files.createFile(done);
                }
            } finally {
                lock.release();
            }
            return target;
        }
    }

    private static void extract(byte[] archive, Path target) throws IOException {
        deleteTree(target);
        Files.createDirectories(target);
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(new ByteArrayInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = target.resolve(entry.getName()).normalize();
                if (!path.startsWith(target)) {
                    throw new IOException("archive entry outside the target folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.deleteIfExists(path);
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                    boolean executable = (entry.getMode() & 0111) != 0;
                    setMode(path, executable ? "rwxr-xr-x" : "rw-r--r--");
                }
            }
        }
        // readable by the user the server runs as
        try (Stream<Path> dirs = Files.walk(target)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                setMode(dir, "rwxr-xr-x");
            }
        }
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String system() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        return os.contains("win") ? "Windows" : os.contains("mac") || os.contains("darwin") ? "Darwin" : "Linux";
    }

    private static String architecture() {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        return switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            default -> arch;
        };
    }

    private static boolean isWindows() {
        return system().equals("Windows");
    }

    /** Root owns /proc/self when the JVM runs as root. */
    private static boolean isRoot() {
        try {
            return !isWindows() && Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private static void chownTree(Path path) throws IOException {
        try (Stream<Path> all = Files.walk(path)) {
            for (Path p : all.toList()) {
                Files.setAttribute(p, "unix:uid", NOBODY);
                Files.setAttribute(p, "unix:gid", NOBODY);
            }
        }
    }

    private static void setMode(Path path, String mode) throws IOException {
        if (isWindows()) {
            return;
        }
        Set<PosixFilePermission> perms = PosixFilePermissions.fromString(mode);
        Files.setPosixFilePermissions(path, perms);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a leftover temporary folder is harmless
        }
    }
}
