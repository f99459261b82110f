package io.slipway.cli;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A real Git repository in a temporary folder, made with JGit, to install packages from. */
final class GitRepo implements AutoCloseable {
    private static final PersonIdent AUTHOR = new PersonIdent("Slipway Tests", "tests@slipway.invalid");

    private final Path dir;
    private final Git git;

    private GitRepo(Path dir, Git git) {
        this.dir = dir;
        this.git = git;
    }

    /** A new repository whose default branch is {@code main}. */
    static GitRepo init(Path dir) throws GitAPIException, IOException {
        Files.createDirectories(dir);
        return new GitRepo(dir, Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call());
    }

    Path dir() {
        return dir;
    }

    /** The repository as a URL, as a packages.yml would name it. */
    String url() {
        String uri = dir.toUri().toString();
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }

    GitRepo write(String path, String content) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return this;
    }

    /** A minimal dbt project file. */
    GitRepo project(String name) throws IOException {
        return write("dbt_project.yml", "name: " + name + "\nversion: '1.0'\nconfig-version: 2\n");
    }

    /** Commits everything; returns the commit's sha. */
    String commit(String message) throws GitAPIException {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        return git.commit().setMessage(message).setAuthor(AUTHOR).setCommitter(AUTHOR).setSign(false).call().name();
    }

    GitRepo tag(String name) throws GitAPIException {
        git.tag().setName(name).setTagger(AUTHOR).setSigned(false).setAnnotated(true).setMessage("release " + name).call();
        return this;
    }

    /** Creates a branch at the current commit and checks it out. */
    GitRepo branch(String name) throws GitAPIException {
        git.checkout().setCreateBranch(true).setName(name).call();
        return this;
    }

    /** The commit a ref (tag, branch) points at. */
    String commitOf(String ref) throws IOException {
        return git.getRepository().resolve(ref + "^{commit}").name();
    }

    GitRepo checkout(String name) throws GitAPIException {
        git.checkout().setName(name).call();
        return this;
    }

    @Override
    public void close() {
        git.close();
    }
}
