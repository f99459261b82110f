package io.slipway.core.deps;

import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Git repositories cloned (bare, with every branch and tag) into a downloads folder with JGit, so no
 * {@code git} program is needed. A revision resolves as dbt resolves it: a full commit sha, else a tag
 * (preferred), else a branch; {@code HEAD} is the default branch. Commits are exported as plain files,
 * optionally only a subdirectory, without a {@code .git} folder.
 */
final class GitCheckouts implements AutoCloseable {
    private static final Pattern FULL_SHA = Pattern.compile("^[0-9a-f]{40}$");
    /** How long a clone may wait on the network before it fails. */
    private static final int TIMEOUT_SECONDS = 60;

    private final Path downloads;
    private final Path projectDir;
    private final Map<String, Repository> clones = new HashMap<>();
    private final Map<String, Path> exports = new HashMap<>();

    /** A revision resolved to a commit; {@code kind} says what the revision was (tag, branch, commit, default branch). */
    record Commit(String sha, String kind) {
    }

    GitCheckouts(Path downloads, Path projectDir) {
        this.downloads = downloads;
        this.projectDir = projectDir;
    }

    /** Resolves a revision (null or {@code HEAD} for the default branch) of a repository to a commit. */
    Commit resolve(String url, String revision, Origin origin) {
        Repository repo = clone(url, origin);
        String rev = revision == null ? "HEAD" : revision;
        try (RevWalk walk = new RevWalk(repo)) {
            if (rev.equals("HEAD")) {
                ObjectId head = repo.resolve(Constants.HEAD + "^{commit}");
                if (head == null) {
                    throw PackagesFile.error(url + " has no default branch to install (is the repository empty?); give a 'revision:'", origin);
                }
                return new Commit(head.name(), "default branch");
            }
            if (FULL_SHA.matcher(rev).matches()) {
                ObjectId id = ObjectId.fromString(rev);
                if (!repo.getObjectDatabase().has(id)) {
                    throw unknownRevision(repo, url, rev, origin);
                }
                return new Commit(walk.parseCommit(id).name(), "commit");
            }
            Ref tag = repo.exactRef(Constants.R_TAGS + rev);
            if (tag != null) {
                return new Commit(walk.parseCommit(tag.getObjectId()).name(), "tag");
            }
            for (String prefix : List.of(Constants.R_HEADS, Constants.R_REMOTES + "origin/")) {
                Ref branch = repo.exactRef(prefix + rev);
                if (branch != null) {
                    return new Commit(walk.parseCommit(branch.getObjectId()).name(), "branch");
                }
            }
            throw unknownRevision(repo, url, rev, origin);
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.PACKAGE_ERROR, "could not read revision '" + rev + "' of " + url + ": " + e.getMessage(),
                    origin.file(), origin.line(), e);
        }
    }

    /** The files of a commit (or of one subdirectory of it), exported once per run; returns their folder. */
    Path export(String url, String sha, String subdirectory, Origin origin) {
        String sub = normalizeSubdirectory(subdirectory, origin);
        String key = url + "\n" + sha + "\n" + (sub == null ? "" : sub);
        Path cached = exports.get(key);
        if (cached != null) {
            return cached;
        }
        Repository repo = clone(url, origin);
        Path dest = downloads.resolve("export-" + digest(key));
        int files = 0;
        try (RevWalk walk = new RevWalk(repo); TreeWalk tree = new TreeWalk(repo)) {
            FileTrees.delete(dest);
            Files.createDirectories(dest);
            RevCommit commit = walk.parseCommit(ObjectId.fromString(sha));
            tree.addTree(commit.getTree());
            tree.setRecursive(true);
            if (sub != null) {
                tree.setFilter(PathFilter.create(sub));
            }
            while (tree.next()) {
                FileMode mode = tree.getFileMode(0);
                if (mode == FileMode.GITLINK) {
                    continue;
                }
                String path = tree.getPathString();
                String relative = sub == null ? path : path.substring(sub.length() + 1);
                Path target = dest.resolve(relative).normalize();
                if (!target.startsWith(dest)) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                ObjectLoader loader = repo.open(tree.getObjectId(0));
                if (mode == FileMode.SYMLINK) {
                    Files.createSymbolicLink(target, Path.of(new String(loader.getBytes(), StandardCharsets.UTF_8)));
                } else {
                    try (OutputStream out = Files.newOutputStream(target)) {
                        loader.copyTo(out);
                    }
                    if (mode == FileMode.EXECUTABLE_FILE) {
                        target.toFile().setExecutable(true);
                    }
                }
                files++;
            }
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.PACKAGE_ERROR, "could not export " + url + " at " + sha + ": " + e.getMessage(),
                    origin.file(), origin.line(), e);
        }
        if (files == 0 && sub != null) {
            throw PackagesFile.error("subdirectory '" + sub + "' does not exist in " + url + " at commit " + sha
                    + "; check the 'subdirectory:' of this package", origin);
        }
        exports.put(key, dest);
        return dest;
    }

    private Repository clone(String url, Origin origin) {
        Repository repo = clones.get(url);
        if (repo != null) {
            return repo;
        }
        String uri = cloneUri(url);
        Path dir = downloads.resolve("git-" + digest(url));
        try {
            FileTrees.delete(dir);
            Git git = Git.cloneRepository().setURI(uri).setBare(true).setGitDir(dir.toFile()).setCloneAllBranches(true)
                    .setTagOption(TagOpt.FETCH_TAGS).setTimeout(TIMEOUT_SECONDS).call();
            repo = git.getRepository();
        } catch (GitAPIException | IOException | RuntimeException e) {
            String hint = url.startsWith("git@") || url.startsWith("ssh://")
                    ? " Slipway clones over https:// (and from local paths), not SSH: use the repository's https:// URL."
                    : " Check the URL, that the repository exists and that this machine can reach it.";
            throw PackagesFile.error("could not clone " + url + ": " + rootMessage(e) + "." + hint, origin);
        }
        clones.put(url, repo);
        return repo;
    }

    /** A URL JGit can clone: URLs and scp-like addresses as given, relative paths against the project. */
    private String cloneUri(String url) {
        if (url.contains("://") || url.matches("^[^/]+@[^/:]+:.*")) {
            return url;
        }
        Path path = Path.of(url);
        return (path.isAbsolute() ? path : projectDir.resolve(path)).normalize().toString();
    }

    private static SlipwayException unknownRevision(Repository repo, String url, String rev, Origin origin) throws IOException {
        List<String> tags = new ArrayList<>();
        List<String> branches = new ArrayList<>();
        for (Ref r : repo.getRefDatabase().getRefs()) {
            if (r.getName().startsWith(Constants.R_TAGS)) {
                tags.add(r.getName().substring(Constants.R_TAGS.length()));
            } else if (r.getName().startsWith(Constants.R_HEADS)) {
                branches.add(r.getName().substring(Constants.R_HEADS.length()));
            }
        }
        return PackagesFile.error("revision '" + rev + "' was not found in " + url
                + ": it is not a tag, a branch or a full 40-character commit sha there (tags: " + list(tags) + "; branches: "
                + list(branches) + "). Fix the 'revision:' of this package", origin);
    }

    private static String list(List<String> names) {
        if (names.isEmpty()) {
            return "none";
        }
        List<String> sorted = names.stream().sorted().toList();
        return sorted.size() <= 10 ? String.join(", ", sorted) : String.join(", ", sorted.subList(0, 10)) + ", ...";
    }

    private static String normalizeSubdirectory(String subdirectory, Origin origin) {
        if (subdirectory == null) {
            return null;
        }
        String s = subdirectory.replace('\\', '/');
        while (s.startsWith("./")) {
            s = s.substring(2);
        }
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.isEmpty() || s.equals(".")) {
            return null;
        }
        if (s.startsWith("/") || List.of(s.split("/")).contains("..")) {
            throw PackagesFile.error("'subdirectory: " + subdirectory + "' must be a path inside the repository", origin);
        }
        return s;
    }

    /** The innermost cause's message, with its type when the message alone says little ({@code github.com}). */
    private static String rootMessage(Throwable e) {
        Throwable root = e;
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                root = t;
            }
        }
        String message = root.getMessage();
        if (message == null) {
            return root.getClass().getSimpleName();
        }
        return message.contains(" ") ? message : root.getClass().getSimpleName() + ": " + message;
    }

    static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        clones.values().forEach(Repository::close);
        clones.clear();
    }
}
