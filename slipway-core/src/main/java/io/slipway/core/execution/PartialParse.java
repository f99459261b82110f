package io.slipway.core.execution;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.core.parser.ParseResult;
import io.slipway.core.parser.ParseSnapshot;
import io.slipway.core.parser.SnapshotCodec;
import io.slipway.core.project.ProjectConfig;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.file.StandardCopyOption;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * Knows when a parse would give what {@code target/manifest.json} already holds: a fingerprint of
 * everything parsing reads (Slipway's version, the rendered project and target, vars, every file of the
 * project and its packages, and the environment variables templates read) is kept beside the manifest in
 * {@code target/partial_parse.json}. {@code parse} with an unchanged fingerprint has nothing to do. Files
 * are compared by size and modification time first, as build tools do, and a file whose time changed by its
 * content's checksum: a {@code git checkout} back and forth or a {@code touch} is not an edit.
 *
 * <p>Every other command reuses the parse itself: {@code target/partial_parse.bin} holds the parsed nodes
 * ({@link ParseSnapshot}) under the same fingerprint, as dbt's {@code partial_parse.msgpack} does. When the
 * only changes are edits to SQL files, the edited models and singular tests are parsed alone
 * ({@link ProjectSession#restore(ParseSnapshot, List)}); any other change (a properties file, a macro, a file
 * added or removed, a var, an env var) means a full parse. A cache that cannot be read or written only
 * costs a full parse.
 */
final class PartialParse {
    static final String FILE = "partial_parse.json";
    static final String SNAPSHOT_FILE = "partial_parse.bin";
    /** The first bytes of the file: another layout (an older Slipway's) is a version mismatch, not a damaged file. */
    private static final String MAGIC = "slipway-partial-parse-2";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PartialParse() {
    }

    /**
     * What the parse of this session would read, as a fingerprint, plus each file's size and time ({@code files})
     * under its name ({@code <project folder>:<path>}), and where the files to keep checksums of are
     * ({@code paths}): all but models' SQL, which are most of a large project's files and, when only touched,
     * are parsed again alone at little cost.
     */
    record Inputs(Map<String, String> key, Map<String, String> files, Map<String, Path> paths) {
        /** One hash of everything but the files. */
        String fingerprint() {
            return crc(key.toString());
        }
    }

    static Inputs inputs(ProjectSession session, InvocationRequest request) {
        try {
            return read(session, request);
        } catch (IOException e) {
            throw new io.slipway.core.error.SlipwayException(io.slipway.core.error.ErrorCode.PROJECT_INVALID,
                    "could not read the project's files: " + e.getMessage());
        }
    }

    private static Inputs read(ProjectSession session, InvocationRequest request) throws IOException {
        Map<String, String> files = new TreeMap<>();
        Map<String, Path> paths = new java.util.HashMap<>();
        List<ProjectConfig> projects = new ArrayList<>(session.packages());
        projects.add(session.project());
        for (ProjectConfig project : projects) {
            List<Path> modelDirs = project.modelPaths().stream().map(d -> project.projectDir().resolve(d).normalize()).toList();
            for (Path dir : project.inputDirs()) {
                hashTree(project.projectDir(), dir, files, paths, modelDirs);
            }
            hashFile(project.projectDir(), project.projectDir().resolve("dbt_project.yml"), files, paths, modelDirs);
            hashFile(project.projectDir(), project.projectDir().resolve("selectors.yml"), files, paths, modelDirs);
        }
        // each part hashed, so that no password reaches the cache, and named, so that a miss can say why
        Map<String, String> key = new LinkedHashMap<>();
        key.put("version", crc(Versions.SLIPWAY + "/" + codeStamp()));
        key.put("project", crc(String.valueOf(session.project())));
        key.put("target", crc(session.profile().targetName() + "/" + session.profile().values() + "/" + session.adapter().type()));
        key.put("vars", crc(String.valueOf(request.vars())));
        return new Inputs(key, files, paths);
    }

    /** Whether the manifest on disk was written from exactly these inputs (and the env vars it read are unchanged). */
    static boolean unchanged(Path targetDir, Inputs inputs, Map<String, String> env) {
        Path sidecar = targetDir.resolve(FILE);
        if (!Files.isRegularFile(sidecar) || !Files.isRegularFile(targetDir.resolve("manifest.json"))) {
            return false;
        }
        try {
            Map<?, ?> saved = MAPPER.readValue(sidecar.toFile(), Map.class);
            if (!inputs.fingerprint().equals(saved.get("fingerprint")) || !inputs.files().equals(saved.get("files"))) {
                return false;
            }
            Object envRead = saved.get("env");
            if (envRead instanceof Map<?, ?> vars) {
                for (Map.Entry<?, ?> e : vars.entrySet()) {
                    if (!java.util.Objects.equals(env.get(String.valueOf(e.getKey())), e.getValue())) {
                        return false;
                    }
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Records the inputs of the manifest just written. */
    static void save(Path targetDir, Inputs inputs, Map<String, String> envRead) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("fingerprint", inputs.fingerprint());
        out.put("env", new TreeMap<>(envRead));
        out.put("files", inputs.files());
        try {
            MAPPER.writeValue(targetDir.resolve(FILE).toFile(), out);
        } catch (IOException e) {
            // a missing cache only costs the next parse its shortcut
        }
    }

    /** Forgets the inputs: the manifest about to be written may not match them. */
    static void forget(Path targetDir) {
        try {
            Files.deleteIfExists(targetDir.resolve(FILE));
        } catch (IOException e) {
            // the next parse checks the manifest's fingerprint anyway
        }
    }

    /**
     * A parse kept by {@link #store}, the environment variables it read, the files edited since (as
     * {@code <project folder>:<path>}; empty when nothing changed), and whether some file's time changed while
     * its content did not (storing again saves the next invocation from reading those files).
     */
    record Cached(ParseSnapshot snapshot, Map<String, String> envRead, List<String> edited, boolean touched) {
        Cached {
            edited = List.copyOf(edited);
        }
    }

    /** The content checksums of the files a stored parse was made from, and each file's size and time then. */
    record Checksums(Map<String, String> files, Map<String, String> sums) {
        static final Checksums NONE = new Checksums(Map.of(), Map.of());

        /** The checksum kept for a file still of this size and time, or null. */
        String kept(String name, String sizeAndTime) {
            return sizeAndTime.equals(files.get(name)) ? sums.get(name) : null;
        }
    }

    /**
     * What looking for a kept parse found: the parse, or why there is none. {@code reason} completes dbt's
     * "Unable to do partial parsing because ..." when the whole project must be parsed again for a reason a
     * user should know (no saved parse, other vars or target); null when only files or env vars changed.
     * {@code checksums} are the stored files' checksums, for the next store to reuse ({@link Checksums#NONE} if unread).
     */
    record Lookup(Cached cached, String reason, Checksums checksums) {
        Lookup(Cached cached, String reason) {
            this(cached, reason, Checksums.NONE);
        }
    }

    /** The parse stored from exactly these inputs, or why it cannot be used. */
    static Lookup load(Path targetDir, Inputs inputs, Map<String, String> env) {
        Path file = targetDir.resolve(SNAPSHOT_FILE);
        if (!Files.isRegularFile(file)) {
            return new Lookup(null, "saved manifest not found. Starting full parse.");
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            java.io.ByteArrayInputStream stream = new java.io.ByteArrayInputStream(bytes);
            DataInputStream in = new DataInputStream(stream);
            byte[] magic = new byte[MAGIC.length()];
            if (in.readNBytes(magic, 0, magic.length) != magic.length || !MAGIC.equals(new String(magic, java.nio.charset.StandardCharsets.US_ASCII))) {
                return new Lookup(null, "of a version mismatch");
            }
            Map<String, String> key = readStrings(in);
            if (!java.util.Objects.equals(key.get("version"), inputs.key().get("version"))) {
                return new Lookup(null, "of a version mismatch");
            }
            if (!java.util.Objects.equals(key.get("project"), inputs.key().get("project"))) {
                return new Lookup(null, "the project config has changed");
            }
            if (!key.equals(new TreeMap<>(inputs.key()))) {
                return new Lookup(null, "config vars, config profile, or config target have changed");
            }
            Map<String, String> savedFiles = readStrings(in);
            Map<String, String> sums = readStrings(in);
            Map<String, String> envRead = readStrings(in);
            Checksums checksums = new Checksums(savedFiles, sums);
            Changes changes = changes(checksums, inputs);
            if (changes == null) {
                return new Lookup(null, null, checksums);
            }
            for (Map.Entry<String, String> e : envRead.entrySet()) {
                if (!java.util.Objects.equals(env.get(e.getKey()), e.getValue())) {
                    return new Lookup(null, null, checksums);
                }
            }
            return new Lookup(new Cached(SnapshotCodec.decode(bytes, bytes.length - stream.available()), envRead, changes.edited(),
                    changes.touched()), null, checksums);
        } catch (IOException | RuntimeException e) {
            return new Lookup(null, "the saved manifest could not be read (" + e.getMessage() + "). Starting full parse.");
        }
    }

    /** The files edited since a parse was stored, and whether others were only touched. */
    private record Changes(List<String> edited, boolean touched) {
    }

    /**
     * The SQL files whose content changed, when no file was added or removed and every changed file is SQL
     * (a model or singular test may then be parsed alone); null when a full parse is needed. A file whose
     * size and time are as they were is unchanged; one whose time changed is compared by checksum.
     */
    private static Changes changes(Checksums saved, Inputs now) throws IOException {
        if (!saved.files().keySet().equals(now.files().keySet())) {
            return null;
        }
        List<String> edited = new ArrayList<>();
        boolean touched = false;
        for (Map.Entry<String, String> e : now.files().entrySet()) {
            String name = e.getKey();
            if (e.getValue().equals(saved.files().get(name))) {
                continue;
            }
            String sum = saved.sums().get(name);
            if (sum != null && sum.equals(checksum(now.paths().get(name)))) {
                touched = true;
                continue;
            }
            if (!name.endsWith(".sql")) {
                return null;
            }
            edited.add(name);
        }
        return new Changes(edited, touched);
    }

    /**
     * A file's content checksum, or null when it cannot be read: CRC-32C and length, which the JVM computes
     * with one instruction per 8 bytes even before its optimizing compiler starts (SHA-256 cost a cold parse of
     * 10,000 models 0.4 s more); it tells an edit from a touch, no adversary is involved.
     */
    private static String checksum(Path file) {
        if (file == null) {
            return null;
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            CRC32C crc = new CRC32C();
            crc.update(bytes);
            return bytes.length + ":" + Long.toHexString(crc.getValue());
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The checksums of the files {@link Inputs#paths()} names, reusing those {@code previous} kept for files of
     * the same size and time: a first parse reads each of them once more, later ones only the changed ones.
     */
    private static Map<String, String> checksums(Inputs inputs, Checksums previous) {
        List<String> names = new ArrayList<>(inputs.paths().keySet());
        String[] sums = new String[names.size()];
        java.util.stream.IntStream.range(0, names.size()).parallel().forEach(i -> {
            String name = names.get(i);
            String kept = previous.kept(name, inputs.files().get(name));
            sums[i] = kept != null ? kept : checksum(inputs.paths().get(name));
        });
        Map<String, String> out = new TreeMap<>();
        for (int i = 0; i < sums.length; i++) {
            if (sums[i] != null) {
                out.put(names.get(i), sums[i]);
            }
        }
        return out;
    }

    /** Keeps a full parse for the next invocation; written aside and moved, so a reader never sees half a file. */
    static void store(Path targetDir, Inputs inputs, Map<String, String> envRead, ParseResult parsed, Checksums previous) {
        Path file = targetDir.resolve(SNAPSHOT_FILE);
        Path temp = null;
        try {
            Files.createDirectories(targetDir);
            byte[] body = SnapshotCodec.encode(ParseSnapshot.of(parsed));
            // a name of its own: invocations of one project may store at the same time (the last move wins)
            temp = Files.createTempFile(targetDir, SNAPSHOT_FILE, ".tmp");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16))) {
                out.writeBytes(MAGIC);
                writeStrings(out, new TreeMap<>(inputs.key()));
                writeStrings(out, inputs.files());
                writeStrings(out, checksums(inputs, previous));
                writeStrings(out, envRead);
                out.write(body);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // a value the codec cannot keep, or a full disk: the next run parses again
            try {
                if (temp != null) {
                    Files.deleteIfExists(temp);
                }
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
    }

    /** {@link #store} on a thread of its own, started. */
    static Thread storeInBackground(Path targetDir, Inputs inputs, Map<String, String> envRead, ParseResult parsed, Checksums previous) {
        Thread thread = new Thread(() -> store(targetDir, inputs, envRead, parsed, previous), "slipway-partial-parse");
        thread.start();
        return thread;
    }

    /** Waits for a {@link #storeInBackground} to finish, so that an invocation leaves no thread behind. */
    static void await(Thread storing) {
        if (storing == null) {
            return;
        }
        boolean interrupted = false;
        while (true) {
            try {
                storing.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** A string map (values may be null), in order. */
    private static void writeStrings(DataOutputStream out, Map<String, String> map) throws IOException {
        out.writeInt(map.size());
        for (Map.Entry<String, String> e : map.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeBoolean(e.getValue() != null);
            if (e.getValue() != null) {
                out.writeUTF(e.getValue());
            }
        }
    }

    private static Map<String, String> readStrings(DataInputStream in) throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (int i = in.readInt(); i > 0; i--) {
            String key = in.readUTF();
            out.put(key, in.readBoolean() ? in.readUTF() : null);
        }
        return out;
    }

    /** The values of the environment variables a parse read (null for those not set). */
    static Map<String, String> envValues(java.util.Set<String> names, Map<String, String> env) {
        Map<String, String> out = new TreeMap<>();
        for (String name : names) {
            out.put(name, env.get(name));
        }
        return out;
    }

    /**
     * Slipway's own code, as far as a cache must know it: the size and time of the jar parsing runs from,
     * so that a rebuilt Slipway of the same version does not reuse a parse made by the old one.
     */
    private static String codeStamp() {
        try {
            java.security.CodeSource source = PartialParse.class.getProtectionDomain().getCodeSource();
            Path location = source == null ? null : Path.of(source.getLocation().toURI());
            if (location != null && Files.isRegularFile(location)) {
                return Files.size(location) + "@" + Files.getLastModifiedTime(location).toMillis();
            }
        } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
            // unknown: the version alone decides
        }
        return "";
    }

    private static void hashTree(Path root, Path dir, Map<String, String> files, Map<String, Path> paths, List<Path> modelDirs)
            throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        Files.walkFileTree(dir, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes attrs) {
                record(root, file, attrs, files, paths, modelDirs);
                return java.nio.file.FileVisitResult.CONTINUE;
            }
        });
    }

    private static void hashFile(Path root, Path file, Map<String, String> files, Map<String, Path> paths, List<Path> modelDirs)
            throws IOException {
        if (Files.isRegularFile(file)) {
            record(root, file, Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class), files, paths, modelDirs);
        }
    }

    /** A file's size and modification time: cheap to read for ten thousand files, and any edit changes them. */
    private static void record(Path root, Path file, java.nio.file.attribute.BasicFileAttributes attrs, Map<String, String> files,
                               Map<String, Path> paths, List<Path> modelDirs) {
        if (attrs.isRegularFile()) {
            String name = root.getFileName() + ":" + root.relativize(file).toString().replace('\\', '/');
            files.put(name, attrs.size() + "@" + attrs.lastModifiedTime().toMillis());
            if (!name.endsWith(".sql") || modelDirs.stream().noneMatch(file::startsWith)) {
                paths.put(name, file);
            }
        }
    }

    private static String crc(String text) {
        CRC32C crc = new CRC32C();
        crc.update(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return Long.toHexString(crc.getValue());
    }
}
